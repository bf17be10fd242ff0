import { fireEvent, screen } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";

/** Types a summary and a description into the open form (long text is set at once). */
export async function fillTicket(
  user: UserEvent,
  summary: string,
  description: string,
): Promise<void> {
  const put = async (name: string, text: string): Promise<void> => {
    const field = screen.getByRole("textbox", { name });
    // At once, as a paste would: the `input` event browsers fire (see form.test.tsx's setText).
    if (text.length > 200) fireEvent.input(field, { target: { value: text } });
    else await user.type(field, text);
  };
  await put("Summary", summary);
  await put("Description", description);
}

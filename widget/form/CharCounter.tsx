import { fill, languageTag } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";

/** "12 / 240": characters as the contract counts them; marked when over the limit. */
export function CharCounter(props: { id: string; count: number; max: number }) {
  const { messages, locale } = useMessages();
  const number = new Intl.NumberFormat(languageTag(locale));
  const over = props.count > props.max;
  return (
    <span id={props.id} className={over ? "rhw-counter rhw-counter-over" : "rhw-counter"}>
      {fill(messages.counter, { count: number.format(props.count), max: number.format(props.max) })}
    </span>
  );
}

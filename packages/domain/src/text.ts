/** Text shown to people: Norwegian bokmål first, English beside it. */
export type Text = { nb: string; en: string };

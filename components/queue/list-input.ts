/** Jobs per page of the Warteschlange tables. */
export const PAGE_SIZE = 25;

/** The first page of the "Alle" tab, as the page prefetches it and the table asks for it. */
export const FIRST_PAGE_INPUT = { limit: PAGE_SIZE, offset: 0 };

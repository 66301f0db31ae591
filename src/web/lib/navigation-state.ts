/** Location state a page can set to keep focus where the person works, instead of on <main>. */
export interface FocusState {
  focusId?: string;
}

/**
 * The rich-text editor (TipTap and ProseMirror, about as big as the rest of the UI) loads
 * on demand: the first Markdown field shown fetches it, and `preloadScreens` fetches it in
 * the background once the first screen is up.
 */
export const loadRichEditor = () => import('./rich-editor')

/** Gmail clips a message whose HTML is larger than about 102 KB ("[Message clipped]", the rest behind a link). */
export const GMAIL_CLIP_BYTES = 102_000;

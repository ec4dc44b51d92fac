/** Which language the server speaks, from the client's `InitializeParams.locale`. */
import type { Locale } from '../core';

/** `zh*` → Chinese, any other tag → English; Chinese when the client names none (the drafts are Chinese). */
export function localeFromTag(tag: string | undefined): Locale {
  if (!tag) return 'zh';
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

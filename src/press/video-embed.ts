import type { VideoProvider } from '../db/schema.js';

/**
 * The two video hosts the site may frame, and how their ids look. The public page builds
 * player and watch URLs only from ids that pass these checks, so a stored value can never
 * point a frame anywhere else (the CSP's frame-src names the same two hosts).
 */

export const VIDEO_PROVIDERS = ['youtube', 'vimeo', 'file'] as const satisfies readonly VideoProvider[];
export type ExternalProvider = Exclude<VideoProvider, 'file'>;

const EXTERNAL_ID: Record<ExternalProvider, RegExp> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^\d{1,12}$/,
};

/** Brand names: the same in every language. */
export const PROVIDER_NAMES: Record<ExternalProvider, string> = { youtube: 'YouTube', vimeo: 'Vimeo' };

export function isExternalProvider(provider: VideoProvider): provider is ExternalProvider {
  return provider !== 'file';
}

export function isValidExternalId(provider: ExternalProvider, id: string): boolean {
  return EXTERNAL_ID[provider].test(id);
}

/** The player loaded into the page after the reader presses play (YouTube's cookie-less host). */
export function embedUrl(provider: ExternalProvider, id: string): string {
  return provider === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`
    : `https://player.vimeo.com/video/${id}?autoplay=1`;
}

/** The video on the provider's own site: where the play button leads without JavaScript. */
export function watchUrl(provider: ExternalProvider, id: string): string {
  return provider === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`;
}

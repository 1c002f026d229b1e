/** Press releases are ordinary publications of the type with this slug; the media landing page finds them by it. */
export const PRESS_RELEASE_TYPE = 'press-release';

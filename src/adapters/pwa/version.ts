/** The version this build was made as (shown on the privacy page; the update test tells builds apart by it). */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? 'development';

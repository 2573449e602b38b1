// The external classifiers the server is configured for: Perspective with PERSPECTIVE_API_KEY,
// Akismet with AKISMET_API_KEY and AKISMET_BLOG_URL, the generic HTTP classifier with
// CLASSIFIER_URL. Each site then turns them on in its settings (classifiers.*.enabled).
import { createAkismet } from './akismet.ts';
import { createHttpClassifier } from './http.ts';
import { createPerspective } from './perspective.ts';
import type { Config } from '../../config.ts';
import type { ClassifierAdapter } from './types.ts';

/** The server settings the adapters read (src/config.ts is their one definition). */
export type ClassifierConfig = Pick<
  Config,
  'perspectiveApiKey' | 'perspectiveUrl' | 'akismetApiKey' | 'akismetBlogUrl' | 'akismetUrl' | 'classifierUrl' | 'classifierToken'
>;

export function createClassifiers(config: ClassifierConfig): ClassifierAdapter[] {
  const adapters: ClassifierAdapter[] = [];
  if (config.perspectiveApiKey) adapters.push(createPerspective({ apiKey: config.perspectiveApiKey, endpoint: config.perspectiveUrl ?? undefined }));
  if (config.akismetApiKey && config.akismetBlogUrl) {
    adapters.push(createAkismet({ apiKey: config.akismetApiKey, blogUrl: config.akismetBlogUrl, endpoint: config.akismetUrl ?? undefined }));
  }
  if (config.classifierUrl) adapters.push(createHttpClassifier({ url: config.classifierUrl, token: config.classifierToken }));
  return adapters;
}

export { createAkismet, AKISMET_ENDPOINT } from './akismet.ts';
export { createHttpClassifier } from './http.ts';
export { createPerspective, PERSPECTIVE_ENDPOINT } from './perspective.ts';
export { ClassifierError, type ClassifierAdapter, type ClassifierCall, type ClassifierName, type ClassifierOutcome } from './types.ts';

import type { Config } from '../config.js';
import type { SystemOptions } from './compose.js';

/** The system's options from the validated configuration: one reading for the server and the CLI alike. */
export function systemOptionsFrom(config: Config): SystemOptions {
  return {
    database: config.database,
    dataDir: config.dataDir,
    objectStorage: config.objectStorage,
    requireTotp: config.requireTotp,
    allowSelfApproval: config.allowSelfApproval,
    uploadMaxBytes: config.uploadMaxBytes,
    timeZone: config.timeZone,
    cdn: { purgeUrl: config.cdn.purgeUrl },
    ...(config.uploadTypes ? { allowedUploadTypes: config.uploadTypes } : {}),
    distribution: { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, baseUrl: config.baseUrl, siteName: config.siteName, digestTime: config.digestTime },
  };
}

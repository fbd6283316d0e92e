import { type AuthConfiguration, getAuthConfigWithDefaults } from '@microsoft/agents-hosting';
import type { TeamsConfig } from '../config.js';

export type TeamsSettings = Exclude<TeamsConfig, 'off'>;

/**
 * The SDK's authentication settings, built from our config rather than from its own environment reader. In
 * playground mode there is no client id, so the SDK's JWT check lets token-less requests through (it does so only
 * outside production, and our config refuses playground mode in production).
 */
export function teamsAuthConfiguration(settings: TeamsSettings): AuthConfiguration {
  if (settings.mode === 'playground') return getAuthConfigWithDefaults({});
  return getAuthConfigWithDefaults({
    clientId: settings.appId ?? '',
    clientSecret: settings.appPassword ?? '',
    ...(settings.tenantId !== undefined && { tenantId: settings.tenantId }),
    authType: 'ClientSecret',
    validateIssuer: true,
  });
}

// oidc-provider ships no types; provider.ts describes the part the stand-in uses (OidcProvider).
declare module 'oidc-provider';

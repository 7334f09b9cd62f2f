package dev.cameljira.sandbox;

/**
 * The users every sandbox is seeded with, and their credentials.
 *
 * <p>Cloud mode: HTTP basic auth {@code email:apiToken} (e.g. {@code admin@example.com:sandbox-admin-token}) or
 * {@code Authorization: Bearer <token>}. Server mode: basic auth with the user name <em>or</em> the e-mail as user and
 * the token as password, or the token as a Bearer personal access token.
 */
public final class SandboxUsers {

    /** E-mail of the Jira administrator. */
    public static final String ADMIN_EMAIL = "admin@example.com";
    /** API token (Cloud) / password and personal access token (Server) of the administrator. */
    public static final String ADMIN_TOKEN = "sandbox-admin-token";
    /** Cloud accountId of the administrator. */
    public static final String ADMIN_ACCOUNT_ID = "712020:5c0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
    /** Server user name of the administrator. */
    public static final String ADMIN_NAME = "admin";
    /** Server user key of the administrator. */
    public static final String ADMIN_KEY = "JIRAUSER10000";
    /** Display name of the administrator. */
    public static final String ADMIN_DISPLAY_NAME = "Sandbox Admin";

    /** E-mail of the regular (non-admin) user. */
    public static final String USER_EMAIL = "user@example.com";
    /** API token (Cloud) / password and personal access token (Server) of the regular user. */
    public static final String USER_TOKEN = "sandbox-user-token";
    /** Cloud accountId of the regular user. */
    public static final String USER_ACCOUNT_ID = "712020:6d1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
    /** Server user name of the regular user. */
    public static final String USER_NAME = "user";
    /** Server user key of the regular user. */
    public static final String USER_KEY = "JIRAUSER10100";
    /** Display name of the regular user. */
    public static final String USER_DISPLAY_NAME = "Sandbox User";

    /**
     * Jira Cloud OAuth 2.0 (3LO) access token of the administrator, sent as {@code Authorization: Bearer <token>}. Jira Cloud
     * takes only OAuth 2.0 access tokens as Bearer tokens: an API token sent that way is refused (401). Data Center takes
     * personal access tokens ({@link #ADMIN_TOKEN}) as Bearer tokens instead, and refuses these.
     */
    public static final String ADMIN_OAUTH2_TOKEN = "sandbox-admin-oauth2-access-token";
    /** Jira Cloud OAuth 2.0 access token of the non-admin user (see {@link #ADMIN_OAUTH2_TOKEN}). */
    public static final String USER_OAUTH2_TOKEN = "sandbox-user-oauth2-access-token";

    /**
     * OAuth 1.0a (RSA-SHA1) consumer key of the seeded application link: requests signed with
     * {@link #OAUTH_PRIVATE_KEY_PKCS8_BASE64} and carrying {@link #OAUTH_ACCESS_TOKEN} as {@code oauth_token} act as the
     * administrator.
     */
    public static final String OAUTH_CONSUMER_KEY = "sandbox-oauth-consumer";
    /** OAuth 1.0a access token ({@code oauth_token}) of the administrator. */
    public static final String OAUTH_ACCESS_TOKEN = "sandbox-oauth-token";
    /** OAuth 1.0a verification code the tests pass along ({@code oauth_verifier}); the sandbox accepts any or none. */
    public static final String OAUTH_VERIFICATION_CODE = "sandbox-oauth-verifier";
    /**
     * THROWAWAY TEST KEY, generated once with openssl for the sandbox and published here on purpose: the RSA-2048
     * private key of {@link #OAUTH_CONSUMER_KEY}, PKCS#8 DER in base64. Never use it anywhere but against the sandbox.
     */
    public static final String OAUTH_PRIVATE_KEY_PKCS8_BASE64 = "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDaWQjNnfPKTBcVA40xVOQiUlWF51an4uRSGp5yiPzc7za8pqQc"
            + "sP/m7TjmgHwtp6r9WabzCM66ERAsbLP7NfgqFIdbWYW6f8reIjG8MrjTbReMe2NzmKhABPcNGrGHYN+3q8jV7rBfNGSUKkFqYc1I"
            + "xzKkrI2DEvhmMWu1fnsqfeFAj/wWSv8vpffhDihFtiBo3CONOW04s7bgpq4hmrELqgO0484pFRcnPVIP9BML7gAZTm70CzT6UWHM"
            + "H1ELA3F08e0gEtx0xBgS0g8iEDiplxTHKLjSwVYw4C3SbYbiW1hLxnONSXI6D5Yzf8FmqZzVyFOXPkgJSDsudKntA2AnAgMBAAEC"
            + "ggEAG7lVBiaZdITszrJAvz7Jfhd43HkJ5mScxlVdllVme0xfEDJogWwdUgj/lzpBNNrROedO7L+gNWftPHbLnjNgFe0SsrqkjDr7"
            + "BfF5jIKJjUQ7dTma4GvwZmXlqI2hylAL7UUBSd32GbXhVMl4vN/mMj4jZAgKKoEXdoJX7BeUiUnDlqd/LW+Uxt/5iCJQOFoYvGnU"
            + "OHwDz15O90DW+RHFASTjxQNAjb36wrgxERRwnA+C5swnVV/4deVVJH3NdwiKNb3kaF1lEFBe9Mx/BL+L92fRVCG53lG72i4Im1NT"
            + "ByK4LAtWvAn8IM4GMluijHnEcxmgY/10c9Lj0DAn6ILSIQKBgQD+22L57z//T2JPM2BQ1vI0JOVY6sjcrgv8dSW0CJpY8jsdLb5v"
            + "sK9ctwayhqjpNe1shw22NB/5fmLz0AceHs6re3n+eByg/ouaL5CNDsge0fKVAbmvxX+u0NTMihQCSyHUQdCxVh0HmqEmFgEZ2yv9"
            + "coPze+PTNRplYXo+XyzLzQKBgQDbU7rWRkFyHuCV2Or9dRfQgBniZTtlFJQCHT7TpSQCCKOfdyM6lsvurNStHZJ8EFPgiLl1D+1u"
            + "k9TSgePhZF8RF51GiBNaVm2CxiYx7UKVGIqX7tnemHzHC2e10naHLmiBACFmRRkM4/L101ujJwZ5ip9fEpm8NCSTddBKY9+vwwKB"
            + "gB4GaLW7WxXQG2vrSJidijFce2yrVHizRJQ8lPGN5ek+uHoqjnoIHdDVe0ODG9lF0i/sBVCG+ZFiM3Q3+O6ygHSxemDhc7X/5yCG"
            + "JAiKSkdfQq4NYvvzT6Sf08I5LjxK77RbAKQz2f2wWPXst7p9GMSmPidsXB3g7rgs8MLyYYutAoGAIJG6eP9N0KiNKTNhEepFcwzS"
            + "yy/FNilsITQ+lCc9xZ+KzK9gZ97kwbigjGSL0CiMjBdBkwSeeYEyZWAsetfw1hTvof2rAgs7j+Pk4B0fegx+6Djr2YZDYTtsVy+9"
            + "si1OD3n5e7pfEe73sVGFliDBcWMIb5HPiocjt1ITcDiMiwkCgYBoMBB6F4dbnRnke+ad7mOHVLEfEx2EFPKHHnTAEGrwwnXrv+3F"
            + "JJ7aXztBkfkDcqaFVKlksGy+mxkSLHuA1AkG+9Dx5C33OZIw1h06wzR2SdFYzCNEJCCWg1jJCFqVZEdSzk++H+D+WGlzln9SviTE"
            + "ZOD4SbcZDt4oIq5JXeghUQ==";
    /** The matching public key (X.509 SubjectPublicKeyInfo DER in base64) the sandbox verifies signatures with. */
    public static final String OAUTH_PUBLIC_KEY_X509_BASE64 = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2lkIzZ3zykwXFQONMVTkIlJVhedWp+LkUhqecoj83O82vKakHLD/5u04"
            + "5oB8Laeq/Vmm8wjOuhEQLGyz+zX4KhSHW1mFun/K3iIxvDK4020XjHtjc5ioQAT3DRqxh2Dft6vI1e6wXzRklCpBamHNSMcypKyN"
            + "gxL4ZjFrtX57Kn3hQI/8Fkr/L6X34Q4oRbYgaNwjjTltOLO24KauIZqxC6oDtOPOKRUXJz1SD/QTC+4AGU5u9As0+lFhzB9RCwNx"
            + "dPHtIBLcdMQYEtIPIhA4qZcUxyi40sFWMOAt0m2G4ltYS8ZzjUlyOg+WM3/BZqmc1chTlz5ICUg7LnSp7QNgJwIDAQAB";

    /** Key of the seeded project. */
    public static final String DEMO_PROJECT_KEY = "DEMO";

    private SandboxUsers() {
    }
}

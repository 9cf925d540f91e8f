/**
 * Accounts, roles, sign-up and sign-in (password and OpenID Connect), agent services, and the
 * GDPR rights of the account holder (export and erasure across every module).
 *
 * <p>Events out: {@link org.beffroi.identity.AccountRegistered}, {@link org.beffroi.identity.AccountErased}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.beffroi.identity;

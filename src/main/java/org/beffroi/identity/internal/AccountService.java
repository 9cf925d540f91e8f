package org.beffroi.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AccountErased;
import org.beffroi.identity.AccountRegistered;
import org.beffroi.identity.AccountSummary;
import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.Role;
import org.beffroi.platform.ServiceModules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person does with their account, and what an administrator does with accounts. */
@Service
@RequiredArgsConstructor
public class AccountService implements Accounts {

    private final AccountRepository accounts;
    private final AgentServiceRepository services;
    private final Tokens tokens;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final AuditLog audit;
    private final ServiceModules modules;
    private final ApplicationEventPublisher events;
    private final Commune commune;
    private final AccountSessions sessions;
    private final OidcLinks links;

    @Override
    public Optional<AccountSummary> find(long accountId) {
        return accounts.findById(accountId).map(AccountService::summary);
    }

    @Override
    public Optional<AccountSummary> findByEmail(String email) {
        return email == null ? Optional.empty()
                : accounts.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).map(AccountService::summary);
    }

    @Override
    public List<AgentService> services() {
        return services.findAll();
    }

    @Override
    public Optional<AgentService> service(long serviceId) {
        return services.findById(serviceId);
    }

    @Override
    public List<AccountSummary> agentsOf(long serviceId) {
        return accounts.findActiveOfService(serviceId).stream().map(AccountService::summary).toList();
    }

    @Override
    public List<AccountSummary> holding(Role role) {
        return accounts.findActiveHolding(role).stream().map(AccountService::summary).toList();
    }

    /**
     * Creates a pending account and mails the confirmation link. When the address already has an
     * account, its holder gets a mail saying so instead: the page shown is the same, and so is the work
     * (the password hashed, one mail, one line of the security log), so neither the form nor the time it
     * takes tells who has an account.
     */
    @Transactional
    public void register(String email, String displayName, String password) {
        String hash = encoder.encode(password);
        var existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            mail(email, "mail.already-registered.subject", "mail.already-registered.body",
                    link("/mot-de-passe-oublie"));
            audit.recordFor(existing.get().id(), existing.get().displayName(), "account.sign-up-repeated",
                    "account:" + existing.get().id(), null);
            return;
        }
        long id = accounts.insert(email, displayName.strip(), hash, AccountStatus.PENDING, EnumSet.of(Role.RESIDENT));
        String token = tokens.issue(id, TokenPurpose.CONFIRM_EMAIL);
        mail(email, "mail.confirm.subject", "mail.confirm.body", secretLink("/inscription/confirmation?jeton=" + token));
        audit.recordFor(id, displayName.strip(), "account.created", "account:" + id, null);
    }

    /** Activates the account whose link this is; false when the link is unknown, expired or used. */
    @Transactional
    public boolean confirm(String token) {
        var accountId = tokens.consume(token, TokenPurpose.CONFIRM_EMAIL);
        accountId.ifPresent(id -> {
            accounts.activate(id);
            audit.recordFor(id, accounts.findById(id).map(Account::displayName).orElse(null), "account.confirmed",
                    "account:" + id, null);
            events.publishEvent(new AccountRegistered(id));
        });
        return accountId.isPresent();
    }

    /** Mails a reset link if the address has an account; answers nothing either way. */
    @Transactional
    public void requestPasswordReset(String email) {
        accounts.findByEmail(email).ifPresent(account -> {
            String token = tokens.issue(account.id(), TokenPurpose.RESET_PASSWORD);
            mail(account.email(), "mail.reset.subject", "mail.reset.body", secretLink("/mot-de-passe/nouveau?jeton=" + token));
            audit.recordFor(account.id(), account.displayName(), "password.reset-requested", "account:" + account.id(),
                    null);
        });
    }

    /** The account of a reset or invitation link that is still valid. */
    public Optional<Account> accountForResetToken(String token) {
        return tokens.peek(token, TokenPurpose.RESET_PASSWORD)
                .or(() -> tokens.peek(token, TokenPurpose.INVITATION))
                .flatMap(accounts::findById);
    }

    /**
     * Sets a new password from a reset or invitation link; the link also proves the address, so a
     * pending account becomes active, and the provider links that nobody vouched for end (ADR 0024).
     */
    @Transactional
    public boolean resetPassword(String token, String newPassword) {
        var accountId = tokens.consume(token, TokenPurpose.RESET_PASSWORD)
                .or(() -> tokens.consume(token, TokenPurpose.INVITATION));
        accountId.ifPresent(id -> {
            accounts.updatePassword(id, encoder.encode(newPassword));
            accounts.activate(id);
            tokens.revokeAll(id, TokenPurpose.RESET_PASSWORD);
            tokens.revokeAll(id, TokenPurpose.INVITATION);
            int unlinked = links.endLinksNotVouched(id);
            sessions.endAll(id);
            audit.recordFor(id, accounts.findById(id).map(Account::displayName).orElse(null), "password.reset",
                    "account:" + id, unlinked == 0 ? null : unlinked + " provider link(s) not vouched for ended");
        });
        return accountId.isPresent();
    }

    public enum Invitation {
        SENT, ADDRESS_TAKEN
    }

    /**
     * An administrator opens an account for someone (an agent, an elected official): the person gets
     * a link to choose their password, valid for a week.
     */
    @Transactional
    public Invitation invite(String email, String displayName, Set<Role> roles, Set<Long> serviceIds) {
        if (accounts.findByEmail(email).isPresent()) {
            return Invitation.ADDRESS_TAKEN;
        }
        Set<Role> granted = roles.isEmpty() ? EnumSet.of(Role.RESIDENT) : EnumSet.copyOf(roles);
        long id = accounts.insert(email, displayName.strip(), null, AccountStatus.PENDING, granted);
        changeServices(id, serviceIds);
        String token = tokens.issue(id, TokenPurpose.INVITATION);
        mail(email, "mail.invitation.subject", "mail.invitation.body", secretLink("/mot-de-passe/nouveau?jeton=" + token));
        audit.record("account.invited", "account:" + id, granted.stream().sorted().toList().toString());
        return Invitation.SENT;
    }

    /**
     * Sets a new password after checking the current one, if any. Not for an account without an address: a
     * password signs in with the address, and one that nobody vouched for is not the account's (ADR 0024).
     */
    @Transactional
    public boolean changePassword(long accountId, String currentPassword, String newPassword, String currentSessionId) {
        var account = accounts.findById(accountId).orElseThrow();
        if (account.email() == null) {
            throw new IllegalStateException("account " + accountId + " has no address to sign in with");
        }
        if (account.passwordHash() != null && !encoder.matches(currentPassword, account.passwordHash())) {
            return false;
        }
        accounts.updatePassword(accountId, encoder.encode(newPassword));
        tokens.revokeAll(accountId, TokenPurpose.RESET_PASSWORD);
        sessions.endAllExcept(accountId, currentSessionId);
        audit.record("password.changed", "account:" + accountId, null);
        mail(account.email(), "mail.password-changed.subject", "mail.password-changed.body", link("/mot-de-passe-oublie"));
        return true;
    }

    @Transactional
    public void changeDisplayName(long accountId, String displayName) {
        accounts.updateDisplayName(accountId, displayName.strip());
    }

    /**
     * Whose data an export or an erasure covers: the account, and its address once its holder has shown they
     * receive its mail (a confirmed sign-up, a reset or invitation link, a provider that vouched for it). Not
     * while an unvouched provider link reaches the account: such an account may have taken the address from a
     * provider that did not vouch for it, before ADR 0024.
     */
    @Override
    public DataSubject dataSubject(long accountId) {
        var account = accounts.findById(accountId).orElseThrow();
        boolean verified = account.status() == AccountStatus.ACTIVE && account.email() != null
                && !links.hasLinksNotVouched(accountId);
        return new DataSubject(accountId, verified ? account.email() : null);
    }

    /** Everything every module holds about the person, module by module; the export is recorded. */
    @Transactional
    public Map<String, Object> exportPersonalData(long accountId) {
        var data = modules.exportPersonalData(dataSubject(accountId));
        audit.record("data.exported", "account:" + accountId, null);
        return data;
    }

    /**
     * Erases the account in every module, with what they hold under its verified address; the security log keeps
     * an anonymised trace.
     */
    @Transactional
    public void erase(long accountId) {
        var account = accounts.findById(accountId).orElseThrow();
        audit.record("account.erased", "account:" + accountId, null);
        modules.erasePersonalData(dataSubject(accountId));
        if (account.email() != null) {
            mailer.forgetRecipient(account.email());
        }
        sessions.endAll(accountId);
        events.publishEvent(new AccountErased(accountId));
    }

    /** The identity module's own part of an erasure. */
    @Transactional
    public void deleteAccount(long accountId) {
        accounts.delete(accountId);
    }

    @Transactional
    public RoleChange changeRoles(long accountId, Set<Role> roles, long byAccountId) {
        var account = accounts.findById(accountId).orElseThrow();
        Set<Role> wanted = roles.isEmpty() ? EnumSet.of(Role.RESIDENT) : EnumSet.copyOf(roles);
        if (account.roles().contains(Role.ADMINISTRATOR) && !wanted.contains(Role.ADMINISTRATOR)) {
            if (accountId == byAccountId) {
                return RoleChange.CANNOT_DEMOTE_SELF;
            }
            if (accounts.countWithRole(Role.ADMINISTRATOR) <= 1) {
                return RoleChange.LAST_ADMINISTRATOR;
            }
        }
        accounts.setRoles(accountId, wanted);
        sessions.endAll(accountId);
        audit.record("roles.changed", "account:" + accountId,
                account.roles().stream().sorted().toList() + " -> " + wanted.stream().sorted().toList());
        return RoleChange.DONE;
    }

    public enum RoleChange {
        DONE, CANNOT_DEMOTE_SELF, LAST_ADMINISTRATOR
    }

    @Transactional
    public void changeServices(long accountId, Set<Long> serviceIds) {
        var known = services.findAll().stream().map(AgentService::id).filter(serviceIds::contains)
                .collect(java.util.stream.Collectors.toSet());
        accounts.setServices(accountId, known);
        audit.record("services.changed", "account:" + accountId, known.stream().sorted().toList().toString());
    }

    private void mail(String to, String subjectKey, String bodyKey, String link) {
        mail(to, subjectKey, bodyKey, link, List.of());
    }

    /** A mail whose link opens the account: the outbox keeps it only until the mail leaves (ADR 0025). */
    private void mail(String to, String subjectKey, String bodyKey, OutgoingMail.Secret link) {
        mail(to, subjectKey, bodyKey, link.value(), List.of(link));
    }

    private void mail(String to, String subjectKey, String bodyKey, String link, List<OutgoingMail.Secret> secrets) {
        Locale locale = LocaleContextHolder.getLocale();
        String name = commune.settings().name();
        mailer.send(new OutgoingMail(to, messages.getMessage(subjectKey, new Object[] {name}, locale),
                messages.getMessage(bodyKey, new Object[] {name, link}, locale), secrets));
    }

    /** Links in mail use the configured public address, never the request's Host header. */
    private String link(String path) {
        return publicAddress.of(path);
    }

    private OutgoingMail.Secret secretLink(String path) {
        return new OutgoingMail.Secret(link(path));
    }

    static AccountSummary summary(Account a) {
        return new AccountSummary(a.id(), a.displayName(), a.email(), a.roles(), a.serviceIds());
    }
}

package org.beffroi.identity.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.OidcLinks;
import org.beffroi.identity.internal.PasswordPolicy;
import org.beffroi.platform.Commune;
import org.beffroi.platform.ServiceModules;
import org.beffroi.platform.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** "My account": profile, password, the download of all one's data, and erasure. */
@Controller
@RequestMapping("/mon-compte")
class MyAccountController {

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final OidcLinks links;
    private final PasswordPolicy policy;
    private final Commune commune;
    private final Clock clock;
    private final JsonMapper json;
    private final ServiceModules modules;

    MyAccountController(AccountRepository accounts, AccountService accountService, OidcLinks links,
            PasswordPolicy policy, Commune commune, Clock clock, JsonMapper json, ServiceModules modules) {
        this.modules = modules;
        this.accounts = accounts;
        this.accountService = accountService;
        this.links = links;
        this.policy = policy;
        this.commune = commune;
        this.clock = clock;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @ModelAttribute
    void account(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (user != null) {
            model.addAttribute("account", accounts.findById(user.accountId()).orElseThrow());
            model.addAttribute("linkedProviders", links.providersOf(user.accountId()));
        }
    }

    @GetMapping
    String show(Model model) {
        var account = (org.beffroi.identity.internal.Account) model.getAttribute("account");
        var profile = new ProfileForm();
        profile.setDisplayName(account.displayName());
        model.addAttribute("profile", profile);
        model.addAttribute("passwordForm", new NewPasswordForm());
        return accountPage(model);
    }

    /** The page, with what each module holds for the person: their registrations, their subscriptions. */
    private String accountPage(Model model) {
        var account = (org.beffroi.identity.internal.Account) model.getAttribute("account");
        model.addAttribute("accountBlocks", modules.accountBlocks(accountService.dataSubject(account.id())));
        return "identity/my-account";
    }

    @PostMapping("/profil")
    String saveProfile(@AuthenticationPrincipal SignedInUser user, @Validated @ModelAttribute("profile") ProfileForm profile,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", new NewPasswordForm());
            return accountPage(model);
        }
        accountService.changeDisplayName(user.accountId(), profile.getDisplayName());
        redirect.addFlashAttribute("saved", "account.profile.saved");
        return "redirect:/mon-compte";
    }

    @PostMapping("/mot-de-passe")
    String changePassword(@AuthenticationPrincipal SignedInUser user,
            @ModelAttribute("passwordForm") NewPasswordForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        var account = (org.beffroi.identity.internal.Account) model.getAttribute("account");
        if (account.email() == null) {
            // an account reached through a provider that vouched for no address: a password would sign in to nothing
            errors.reject("account.password.no-address");
        }
        PasswordFields.check(policy, form.getPassword(), form.getConfirmation(), account.email(), errors);
        if (!errors.hasErrors() && !accountService.changePassword(user.accountId(), form.getCurrent(), form.getPassword(),
                request.getSession().getId())) {
            errors.rejectValue("current", "password.current-wrong");
        }
        if (errors.hasErrors()) {
            var profile = new ProfileForm();
            profile.setDisplayName(account.displayName());
            model.addAttribute("profile", profile);
            return accountPage(model);
        }
        redirect.addFlashAttribute("saved", "account.password.saved");
        return "redirect:/mon-compte";
    }

    /** Everything every module holds about the person, in one JSON file. */
    @GetMapping("/donnees")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser user) {
        var document = new LinkedHashMap<String, Object>();
        document.put("controller", commune.settings().name());
        document.put("generatedAt", clock.instant().toString());
        document.put("accountId", user.accountId());
        document.put("modules", accountService.exportPersonalData(user.accountId()));
        String filename = "mes-donnees-" + DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atZone(clock.getZone()))
                + ".json";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(json.writeValueAsBytes(document));
    }

    @GetMapping("/suppression")
    String eraseForm() {
        return "identity/erase";
    }

    @PostMapping("/suppression")
    String erase(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "confirm", defaultValue = "false") boolean confirm, Model model,
            HttpServletRequest request, HttpServletResponse response) throws ServletException {
        if (!confirm) {
            model.addAttribute("confirmMissing", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/erase";
        }
        accountService.erase(user.accountId());
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/?compte-supprime";
    }
}

package org.beffroi.identity.admin;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.IdentityModule.ManageUsers;
import org.beffroi.identity.internal.Account;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountRepository.Search;
import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.AccountService.Invitation;
import org.beffroi.identity.internal.AccountService.RoleChange;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.identity.internal.AgentServiceRepository;
import org.beffroi.identity.internal.OidcLinks;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Role;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Accounts in the back office: find them, give roles, attach agents to services. */
@Controller
@RequestMapping("/admin/utilisateurs")
@ManageUsers
@RequiredArgsConstructor
class UserAdminController {

    private static final int PAGE_SIZE = 30;

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final AgentServiceRepository services;
    private final OidcLinks links;

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "role", required = false) Role role,
            @RequestParam(name = "statut", required = false) AccountStatus status,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var search = new Search(text, role, status);
        int safePage = Math.max(0, page);
        long total = accounts.count(search);
        model.addAttribute("accounts", accounts.search(search, safePage, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * PAGE_SIZE < total);
        model.addAttribute("q", text);
        model.addAttribute("role", role);
        model.addAttribute("statut", status);
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", AccountStatus.values());
        return "identity/admin/users";
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "role", required = false) Role role,
            @RequestParam(name = "statut", required = false) AccountStatus status, HttpServletResponse response)
            throws IOException {
        var search = new Search(text, role, status);
        try (var csv = CsvExport.open(response, "utilisateurs.csv", "id", "courriel", "nom", "statut", "roles",
                "cree_le", "derniere_connexion")) {
            int page = 0;
            List<org.beffroi.identity.internal.Account> batch;
            do {
                batch = accounts.search(search, page++, 500);
                batch.forEach(a -> csv.row(a.id(), a.email(), a.displayName(), a.status(),
                        String.join(" ", a.roles().stream().map(Role::name).sorted().toList()), a.createdAt(),
                        a.lastLoginAt()));
            } while (batch.size() == 500);
        }
    }

    @GetMapping("/invitation")
    String inviteForm(Model model) {
        model.addAttribute("form", new InvitationForm());
        model.addAttribute("roles", Role.values());
        model.addAttribute("services", services.findAll());
        return "identity/admin/invite";
    }

    @PostMapping("/invitation")
    String invite(@Validated @ModelAttribute("form") InvitationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && accountService.invite(form.getEmail(), form.getDisplayName(), form.getRoles(),
                form.getServices()) == Invitation.ADDRESS_TAKEN) {
            errors.rejectValue("email", "admin.users.invite.taken");
        }
        if (errors.hasErrors()) {
            model.addAttribute("roles", Role.values());
            model.addAttribute("services", services.findAll());
            return "identity/admin/invite";
        }
        redirect.addFlashAttribute("saved", "admin.users.invite.sent");
        return "redirect:/admin/utilisateurs";
    }

    /** The account of the address, loaded once per request; none on the list's addresses. */
    @ModelAttribute("user")
    Account user(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : accounts.findById(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping("/{id}")
    String show(@ModelAttribute(name = "user", binding = false) Account user, Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("services", services.findAll());
        model.addAttribute("linkedProviders", links.providersOf(user.id()));
        return "identity/admin/user";
    }

    @PostMapping("/{id}/roles")
    String changeRoles(@ModelAttribute(name = "user", binding = false) Account user,
            @RequestParam(name = "roles", required = false) Set<Role> roles,
            @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
        var result = accountService.changeRoles(user.id(), roles == null ? EnumSet.noneOf(Role.class) : roles,
                admin.accountId());
        redirect.addFlashAttribute(result == RoleChange.DONE ? "saved" : "refused",
                "admin.users.roles." + result.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return "redirect:/admin/utilisateurs/" + user.id();
    }

    @PostMapping("/{id}/services")
    String changeServices(@ModelAttribute(name = "user", binding = false) Account user,
            @RequestParam(name = "services", required = false) Set<Long> serviceIds, RedirectAttributes redirect) {
        accountService.changeServices(user.id(), serviceIds == null ? Set.of() : serviceIds);
        redirect.addFlashAttribute("saved", "admin.users.services.saved");
        return "redirect:/admin/utilisateurs/" + user.id();
    }

    /** For a resident on the phone who lost access: the same link as "forgot password". */
    @PostMapping("/{id}/lien")
    String sendLink(@ModelAttribute(name = "user", binding = false) Account user, RedirectAttributes redirect) {
        accountService.requestPasswordReset(user.email());
        redirect.addFlashAttribute("saved", "admin.users.link.sent");
        return "redirect:/admin/utilisateurs/" + user.id();
    }

    /** Erasure on someone's written request: the same erasure as from "my account". */
    @PostMapping("/{id}/suppression")
    String erase(@ModelAttribute(name = "user", binding = false) Account user,
            @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
        String refusal = !confirm ? "admin.users.erase.confirm-missing"
                : user.id() == admin.accountId() ? "admin.users.erase.self"
                : user.roles().contains(Role.ADMINISTRATOR) && accounts.countWithRole(Role.ADMINISTRATOR) <= 1
                        ? "admin.users.roles.last-administrator" : null;
        if (refusal != null) {
            redirect.addFlashAttribute("refused", refusal);
            return "redirect:/admin/utilisateurs/" + user.id();
        }
        accountService.erase(user.id());
        redirect.addFlashAttribute("saved", "admin.users.erased");
        return "redirect:/admin/utilisateurs";
    }
}

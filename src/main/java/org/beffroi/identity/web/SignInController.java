package org.beffroi.identity.web;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: password form and, when configured, the OpenID Connect providers. */
@Controller
@RequiredArgsConstructor
class SignInController {

    record Provider(String id, String name) {
    }

    private final ObjectProvider<ClientRegistrationRepository> clients;

    @GetMapping("/connexion")
    String signIn(Model model) {
        model.addAttribute("providers", providers());
        return "identity/sign-in";
    }

    private List<Provider> providers() {
        var found = new ArrayList<Provider>();
        if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                var registration = (ClientRegistration) r;
                found.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return found;
    }
}

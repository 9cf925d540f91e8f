package org.beffroi.payments.web;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.internal.PaymentDesk;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Mes paiements": the payments made under the signed-in person's account, newest first; nobody else's. */
@Controller
@RequiredArgsConstructor
@PreAuthorize("isAuthenticated()")
class MyPaymentsController {

    private final PaymentDesk desk;

    @GetMapping("/mes-paiements")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("payments", desk.ofPayer(user.accountId()).stream().map(PaymentView::of).toList());
        return "payments/mine";
    }
}

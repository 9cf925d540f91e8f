package org.beffroi.family;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.internal.DemoFamily;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invitations;
import org.beffroi.family.internal.Invoice;
import org.beffroi.family.internal.Invoices;
import org.beffroi.family.internal.Menus;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The family space's descriptor: the canteen's menu in the public menu and on the home page, the household on the
 * person's account page, the back office (households, invoices, imports, menus) for agents and administrators, the
 * households' data in the GDPR export and erasure, the demo household.
 */
@Component
@RequiredArgsConstructor
public class FamilyModule implements ServiceModule {

    public static final Permission OFFICE = Permission.of(FamilyOffice.AUTHORITY, AGENT, ADMINISTRATOR);

    private final Households households;
    private final Invoices invoices;
    private final Menus menus;
    private final Invitations invitations;
    private final DemoFamily demo;
    private final Clock clock;

    @Override
    public String id() {
        return "family";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(OFFICE);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.family.canteen", "/cantine", 47));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.family", "/admin/familles", OFFICE, 45));
    }

    /** The canteen's menu: the same for every visitor; a publication clears it (PublicContentChanged). */
    @Override
    public List<String> pagesForVisitors() {
        return List.of("/cantine");
    }

    /** Today's canteen menu, or the rest of the week's, when this week's is published. */
    @Override
    public List<HomeBlock> homeBlocks() {
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        return menus.week(Menus.mondayOf(today))
                .map(w -> w.days().stream().filter(d -> !d.date().isBefore(today)).limit(2).toList())
                .filter(days -> !days.isEmpty())
                .map(days -> List.of(new HomeBlock("family/home-block", Map.of("days", days), 45)))
                .orElse(List.of());
    }

    /** The person's household: its children, what is left to pay, and the way to both. */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        var household = households.ofAccount(subject.accountId());
        var content = new LinkedHashMap<String, Object>();
        content.put("hasHousehold", household.isPresent());
        household.ifPresent(h -> {
            var unpaid = invoices.ofHousehold(h.id()).stream().filter(Invoice::payable).toList();
            content.put("children", households.children(h.id()).size());
            content.put("unpaid", unpaid.size());
            content.put("unpaidCents", unpaid.stream().mapToLong(Invoice::amountCents).sum());
        });
        return List.of(new HomeBlock("family/account-block", content, 38));
    }

    /** The household the person belongs to: its reference, adults, children and invoices. */
    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        return households.ofAccount(subject.accountId()).map(h -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("reference", h.reference());
            data.put("name", h.name());
            data.put("adults", households.members(h.id()).stream()
                    .map(m -> (Object) Map.of("name", m.name(), "email", m.email())).toList());
            data.put("children", households.children(h.id()).stream().map(c -> {
                var child = new LinkedHashMap<String, Object>();
                child.put("firstName", c.firstName());
                child.put("lastName", c.lastName());
                child.put("birthDate", c.birthDate().toString());
                child.put("school", c.school() == null ? "" : c.school());
                child.put("class", c.className() == null ? "" : c.className());
                child.put("leftOn", c.leftOn() == null ? "" : c.leftOn().toString());
                return (Object) child;
            }).toList());
            data.put("invoices", invoices.ofHousehold(h.id()).stream().map(i -> (Object) Map.of("number", i.number(),
                    "label", i.label(), "period", i.period(), "amountCents", i.amountCents(),
                    "dueDate", i.dueDate().toString(), "status", i.status().name())).toList());
            data.put("invitations", invitations.pending(h).stream()
                    .map(i -> (Object) Map.of("email", i.email(), "expiresAt", i.expiresAt().toString())).toList());
            return Map.<String, Object>of("household", data);
        }).orElse(Map.of());
    }

    /**
     * The person leaves their household; a household left without an adult loses its children, its name and its
     * invitations; invitations sent to the person's address are deleted.
     */
    @Override
    public void erasePersonalData(DataSubject subject) {
        households.erase(subject);
        subject.address().ifPresent(invitations::eraseAddressedTo);
    }

    /** Invitations (an address) are deleted 30 days after they expired, answered or not. */
    @Override
    public void applyRetention() {
        invitations.purge();
    }

    @Override
    public void seedDemoData() {
        demo.seed();
    }

    /** On a controller or a handler: only for those granted {@link #OFFICE}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + FamilyOffice.AUTHORITY + "')")
    public @interface FamilyOffice {
        String AUTHORITY = "family:office";
    }
}

package org.beffroi.platform.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.ServiceModules;
import org.beffroi.platform.SignedInUser;
import org.beffroi.platform.SiteBanner;
import org.beffroi.platform.SiteBanners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** What every page's layout needs: the commune, the menus the person may see, who is signed in. */
@ControllerAdvice
@RequiredArgsConstructor
class LayoutModel {

    private final Commune commune;
    private final ServiceModules modules;
    private final ObjectProvider<SiteBanners> banners;

    /** The urgent notices of every module, on every page. */
    @ModelAttribute("siteBanners")
    List<SiteBanner> siteBanners() {
        return banners.orderedStream().flatMap(source -> source.current().stream()).toList();
    }

    @ModelAttribute("commune")
    CommuneSettings commune() {
        return commune.settings();
    }

    @ModelAttribute("themeVersion")
    String themeVersion() {
        return ThemeController.version(commune.settings());
    }

    @ModelAttribute("publicMenu")
    List<MenuEntry> publicMenu() {
        return modules.publicMenu(authorities());
    }

    @ModelAttribute("adminMenu")
    List<MenuEntry> adminMenu() {
        return modules.adminMenu(authorities());
    }

    @ModelAttribute("signedIn")
    SignedInUser signedIn() {
        return SignedInUser.current().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    private static Set<String> authorities() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Set.of()
                : authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}

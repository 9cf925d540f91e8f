package org.beffroi.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link ServiceModule} of the application, in order, and what they declare together. */
@Component
@RequiredArgsConstructor
public class ServiceModules {

    private final ObjectProvider<ServiceModule> provider;
    private volatile List<ServiceModule> modules;

    /** Looked up on first use: modules may themselves need this registry (to erase across modules, say). */

    public List<ServiceModule> all() {
        if (modules == null) {
            modules = provider.stream().sorted(Comparator.comparingInt(ServiceModule::order)
                    .thenComparing(ServiceModule::id)).toList();
        }
        return modules;
    }

    public List<MenuEntry> publicMenu(Collection<String> authorities) {
        return visible(all().stream().flatMap(m -> m.publicMenu().stream()).toList(), authorities);
    }

    public List<MenuEntry> adminMenu(Collection<String> authorities) {
        return visible(all().stream().flatMap(m -> m.adminMenu().stream()).toList(), authorities);
    }

    public List<HomeBlock> homeBlocks() {
        return all().stream().flatMap(m -> m.homeBlocks().stream()).sorted(Comparator.comparingInt(HomeBlock::order))
                .toList();
    }

    public List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        return all().stream().flatMap(m -> m.neighbourhoodBlocks(neighbourhoodId).stream())
                .sorted(Comparator.comparingInt(HomeBlock::order)).toList();
    }

    public List<HomeBlock> accountBlocks(DataSubject subject) {
        return all().stream().flatMap(m -> m.accountBlocks(subject).stream())
                .sorted(Comparator.comparingInt(HomeBlock::order)).toList();
    }

    public List<String> pathsWithoutCsrf() {
        return all().stream().flatMap(m -> m.pathsWithoutCsrf().stream()).toList();
    }

    public List<String> pagesForVisitors() {
        return all().stream().flatMap(m -> m.pagesForVisitors().stream()).toList();
    }

    public List<Permission> permissions() {
        return all().stream().flatMap(m -> m.permissions().stream()).toList();
    }

    /** The authorities that the given roles carry: the roles themselves and every permission granted to them. */
    public Set<String> authoritiesOf(Collection<Role> roles) {
        var authorities = roles.stream().map(Role::authority).collect(Collectors.toCollection(java.util.TreeSet::new));
        permissions().stream().filter(p -> roles.stream().anyMatch(p.grantedTo()::contains))
                .map(Permission::authority).forEach(authorities::add);
        return authorities;
    }

    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var sections = new LinkedHashMap<String, Object>();
        for (var module : all()) {
            var data = module.exportPersonalData(subject);
            if (!data.isEmpty()) {
                sections.put(module.id(), data);
            }
        }
        return sections;
    }

    /** Erases in reverse order, so that a module goes before the ones it builds on. */
    public void erasePersonalData(DataSubject subject) {
        all().reversed().forEach(m -> m.erasePersonalData(subject));
    }

    private static List<MenuEntry> visible(List<MenuEntry> entries, Collection<String> authorities) {
        return entries.stream()
                .filter(e -> e.permission() == null || authorities.contains(e.permission().authority()))
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .toList();
    }
}

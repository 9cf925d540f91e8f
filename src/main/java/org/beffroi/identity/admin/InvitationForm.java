package org.beffroi.identity.admin;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.beffroi.platform.Role;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Someone an administrator opens an account for. */
public class InvitationForm {

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 120)
    private String displayName;

    private Set<Role> roles = EnumSet.of(Role.AGENT);
    private Set<Long> services = new HashSet<>();

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public Set<Long> getServices() { return services; }
    public void setServices(Set<Long> services) { this.services = services == null ? new HashSet<>() : services; }
}

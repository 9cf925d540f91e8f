package org.beffroi.identity.admin;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Role;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Someone an administrator opens an account for. */
@Getter
public class InvitationForm {

    @NotBlank
    @Email
    @Size(max = 254)
    @Setter private String email;

    @NotBlank
    @Size(max = 120)
    @Setter private String displayName;

    private Set<Role> roles = EnumSet.of(Role.AGENT);
    private Set<Long> services = new HashSet<>();

    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public void setServices(Set<Long> services) { this.services = services == null ? new HashSet<>() : services; }
}

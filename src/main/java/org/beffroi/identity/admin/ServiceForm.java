package org.beffroi.identity.admin;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.identity.AgentService;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Getter
@Setter
public class ServiceForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @Email
    @Size(max = 254)
    private String email;

    @Size(max = 30)
    @Pattern(regexp = "[+0-9 .()-]*", message = "{settings.phone.invalid}")
    private String phone;

    static ServiceForm of(AgentService service) {
        var form = new ServiceForm();
        form.name = service.name();
        form.email = service.email();
        form.phone = service.phone();
        return form;
    }
}

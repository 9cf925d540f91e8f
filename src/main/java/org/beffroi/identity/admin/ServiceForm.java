package org.beffroi.identity.admin;

import org.beffroi.identity.AgentService;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }

}

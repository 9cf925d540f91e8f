package org.beffroi.reports.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Category;

/** A category of reports as the administrator types it; one form to create and to change. */
@Getter
@Setter
public class CategoryForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @Size(max = 1000)
    private String description;

    @NotNull
    @Min(1)
    @Max(365)
    private Integer targetDays = 15;

    private boolean active = true;

    private Long serviceId;

    static CategoryForm of(Category category) {
        var form = new CategoryForm();
        form.setName(category.name());
        form.setDescription(category.description());
        form.setTargetDays(category.targetDays());
        form.setActive(category.active());
        form.setServiceId(category.serviceId());
        return form;
    }

    Categories.Draft draft() {
        return new Categories.Draft(name, description, targetDays, active, serviceId);
    }
}

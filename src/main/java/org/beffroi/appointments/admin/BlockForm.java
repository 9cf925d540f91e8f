package org.beffroi.appointments.admin;

import java.time.LocalTime;

import lombok.Getter;
import lombok.Setter;

/** A slot the agent blocks on the day shown: from one time to another (checked by the controller). */
@Getter
@Setter
public class BlockForm {

    private LocalTime from;

    private LocalTime to;
}

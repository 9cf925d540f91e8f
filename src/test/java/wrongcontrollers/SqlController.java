package wrongcontrollers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

@Controller
class SqlController {

    private final JdbcClient jdbc;

    SqlController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save() {
        jdbc.sql("insert into note values (1)").update();
    }
}

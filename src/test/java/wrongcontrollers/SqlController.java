package wrongcontrollers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

@Controller
class SqlController {

    private JdbcClient jdbc;

    void save() {
        jdbc.sql("insert into note values (1)").update();
    }
}

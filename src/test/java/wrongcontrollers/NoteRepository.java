package wrongcontrollers;

import java.util.Optional;

/** A repository with a reading method and a writing one. */
class NoteRepository {

    Optional<String> findById(long id) {
        return Optional.empty();
    }

    void save(String note) {
    }
}

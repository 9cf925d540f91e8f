package wrongcontrollers;

/** The application service a controller ought to call. */
class NoteDesk {

    void save(String note) {
    }
}

package dev.imap4.client.types;

/** How STORE applies the flags. */
public enum StoreMode {
    ADD("+FLAGS"), REMOVE("-FLAGS"), REPLACE("FLAGS");

    private final String item;

    StoreMode(String item) {
        this.item = item;
    }

    /** The STORE data item: {@code +FLAGS}, {@code -FLAGS} or {@code FLAGS}. */
    public String item() {
        return item;
    }
}

package dev.imap4.client.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.BodyStructure.Disposition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyStructureTest {

    private static BodyStructure leaf(String type, String subtype, Map<String, String> params, Disposition d,
            String number) {
        return new BodyStructure(type, subtype, params, null, null, "BASE64", 10, -1, null, null, List.of(), null, d,
                List.of(), null, List.of(), number);
    }

    private static BodyStructure multipart(String number, BodyStructure... parts) {
        return new BodyStructure("multipart", "mixed", Map.of(), null, null, null, -1, -1, null, null, List.of(parts),
                null, null, List.of(), null, List.of(), number);
    }

    @Test
    void filenameFromDispositionBeforeNameParam() {
        BodyStructure b = leaf("application", "pdf", Map.of("name", "n.pdf"),
                new Disposition("attachment", Map.of("filename", "f.pdf")), "1");
        assertEquals("f.pdf", b.filename());
        assertEquals("n.pdf", leaf("application", "pdf", Map.of("name", "n.pdf"), null, "1").filename());
        assertNull(leaf("text", "plain", Map.of(), null, "1").filename());
    }

    @Test
    void filenameWithRfc2231ExtendedValue() {
        BodyStructure b = leaf("application", "pdf", Map.of(),
                new Disposition("attachment", Map.of("filename*", "utf-8''r%C3%A9sum%C3%A9.pdf")), "1");
        assertEquals("résumé.pdf", b.filename());
    }

    @Test
    void filenameWithRfc2231Continuations() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("filename*1", "sum.pdf");
        p.put("filename*0*", "utf-8'de'r%C3%A9");
        BodyStructure b = leaf("application", "pdf", Map.of(), new Disposition("attachment", p), "1");
        assertEquals("résum.pdf", b.filename());
    }

    @Test
    void filenameWithEncodedWords() {
        assertEquals("é.pdf", leaf("application", "pdf", Map.of("name", "=?UTF-8?B?w6kucGRm?="), null, "1").filename());
    }

    @Test
    void attachmentRules() {
        assertTrue(leaf("text", "plain", Map.of(), new Disposition("ATTACHMENT", Map.of()), "1").isAttachment());
        assertTrue(leaf("image", "png", Map.of("name", "a.png"), null, "1").isAttachment());
        assertFalse(leaf("image", "png", Map.of("name", "a.png"), new Disposition("inline", Map.of()), "1").isAttachment());
        assertFalse(leaf("text", "plain", Map.of(), null, "1").isAttachment());
        assertFalse(multipart("").isAttachment());
    }

    @Test
    void leavesAndAttachmentsInOrder() {
        BodyStructure text = leaf("text", "plain", Map.of(), null, "1.1");
        BodyStructure html = leaf("text", "html", Map.of(), null, "1.2");
        BodyStructure pdf = leaf("application", "pdf", Map.of("name", "a.pdf"), null, "2");
        BodyStructure root = multipart("", multipart("1", text, html), pdf);
        assertEquals(List.of(text, html, pdf), root.leaves());
        assertEquals(List.of(pdf), root.attachments());
        assertEquals(html, root.part("1.2"));
        assertEquals("multipart", root.part("1").type());
        assertNull(root.part("9"));
    }

    @Test
    void paramLookupIgnoresCase() {
        assertEquals("utf-8", leaf("text", "plain", Map.of("charset", "utf-8"), null, "1").param("CharSet"));
    }

    @Test
    void valuesAreImmutable() {
        BodyStructure b = leaf("text", "plain", new LinkedHashMap<>(Map.of("a", "b")), null, "1");
        assertThrows(UnsupportedOperationException.class, () -> b.params().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> b.parts().add(b));
    }
}

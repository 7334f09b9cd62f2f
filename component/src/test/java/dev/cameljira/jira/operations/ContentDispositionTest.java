package dev.cameljira.jira.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file name getAttachmentContent falls back to when Jira's metadata has none: the response's Content-Disposition,
 * its RFC 5987 {@code filename*} first.
 */
class ContentDispositionTest {

    @Test
    void quotedTokenAndEscapedNames() {
        assertThat(AttachmentOperations.fileNameFromDisposition("attachment; filename=\"report 2026.pdf\"")).isEqualTo("report 2026.pdf");
        assertThat(AttachmentOperations.fileNameFromDisposition("inline;filename=scan.png")).isEqualTo("scan.png");
        assertThat(AttachmentOperations.fileNameFromDisposition("attachment; filename=\"say \\\"hi\\\".txt\"")).isEqualTo("say \"hi\".txt");
    }

    @Test
    void extendedNameWinsOverThePlainOne() {
        assertThat(AttachmentOperations.fileNameFromDisposition(
                "attachment; filename=\"Zo?.txt\"; filename*=UTF-8''Zo%C3%AB%20%2B%20co.txt")).isEqualTo("Zoë + co.txt");
        assertThat(AttachmentOperations.fileNameFromDisposition("attachment; filename*=utf-8'en'na%C3%AFve.txt")).isEqualTo("naïve.txt");
    }

    @Test
    void unusableExtendedNameFallsBackToThePlainOne() {
        assertThat(AttachmentOperations.fileNameFromDisposition("attachment; filename*=x-unknown''a.txt; filename=\"b.txt\""))
                .isEqualTo("b.txt");
    }

    @Test
    void noNameIsNull() {
        assertThat(AttachmentOperations.fileNameFromDisposition(null)).isNull();
        assertThat(AttachmentOperations.fileNameFromDisposition("attachment")).isNull();
        assertThat(AttachmentOperations.fileNameFromDisposition("attachment; filename=\"\"")).isNull();
    }
}

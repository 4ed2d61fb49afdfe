package io.tracker.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * The text of an XLSX file's cells, read without a spreadsheet library: an XLSX is a zip whose shared strings
 * ({@code xl/sharedStrings.xml}) and sheets ({@code xl/worksheets/*.xml}, inline strings and numbers) hold every
 * cell's value; their text between tags, joined by "|", is enough to check what a download holds.
 */
final class XlsxText {

    private XlsxText() {
    }

    static String of(Path file) {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().filter(e -> e.getName().equals("xl/sharedStrings.xml")
                    || e.getName().startsWith("xl/worksheets/")).forEach(e -> {
                        try {
                            String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                            text.append(xml.replaceAll("<[^>]+>", "|").replaceAll("\\|+", "|"));
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().replace("&amp;", "&");
    }
}

package org.osteon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.osteon.support.CsvRows;

class CsvTest {

    @Test
    void fieldsWithACommaAQuoteOrALineBreakAreQuotedAndReadBackWhole() {
        Csv csv = new Csv("note", "value");
        csv.add("plain").add(1).end();
        csv.add("a, b").add(2).end();
        csv.add("she said \"no\"").add(3).end();
        csv.add("two\nlines").add(4).end();
        csv.add("cr\r\nlf").add(null).end();
        String text = csv.toString();

        assertThat(text)
                .isEqualTo("note,value\r\nplain,1\r\n\"a, b\",2\r\n\"she said \"\"no\"\"\",3\r\n"
                        + "\"two\nlines\",4\r\n\"cr\r\nlf\",\r\n");
        assertThat(CsvRows.parse(text))
                .containsExactly(
                        List.of("note", "value"),
                        List.of("plain", "1"),
                        List.of("a, b", "2"),
                        List.of("she said \"no\"", "3"),
                        List.of("two\nlines", "4"),
                        List.of("cr\r\nlf", ""));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostropheNumbersDoNot() {
        Csv csv = new Csv("activity", "value");
        csv.add("=HYPERLINK(\"http://x\",\"y\")").add(-3).end();
        csv.add("+1+cmd|' /C calc'!A0").add(-2.5).end();
        csv.add("-2+3").add(null).end();
        csv.add("@SUM(A1)").add(null).end();
        csv.add("\tindent").add(null).end();
        csv.add("-12.5").add(null).end();
        csv.add("call about pain = better").add(null).end();

        assertThat(CsvRows.parse(csv.toString()))
                .containsExactly(
                        List.of("activity", "value"),
                        List.of("'=HYPERLINK(\"http://x\",\"y\")", "-3"),
                        List.of("'+1+cmd|' /C calc'!A0", "-2.5"),
                        List.of("'-2+3", ""),
                        List.of("'@SUM(A1)", ""),
                        List.of("'\tindent", ""),
                        List.of("-12.5", ""),
                        List.of("call about pain = better", ""));
    }

    @Test
    void numbersAreWrittenWithAPointAndNeverInExponentFormWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Csv.field(0.929)).isEqualTo("0.929");
            assertThat(Csv.field(1.0E7)).isEqualTo("10000000");
            assertThat(Csv.field(14.0)).isEqualTo("14.0");
            assertThat(Csv.field(1.5E-7)).isEqualTo("0.00000015");
            assertThat(Csv.field(Double.NaN)).isEmpty();
            assertThat(Csv.field(8123)).isEqualTo("8123");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRowOfTheWrongWidthIsABugNotAFile() {
        Csv csv = new Csv("a", "b");
        assertThatThrownBy(() -> csv.add(1).end()).isInstanceOf(IllegalStateException.class);
    }
}

package th.go.ita.evidence.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void thaiNamesSurviveAndPathsAndMarkupDoNot() {
        assertThat(FileNames.sanitise("C:\\Users\\ครู\\รายงานผลการดำเนินงาน ปี 2566.pdf"))
                .isEqualTo("รายงานผลการดำเนินงาน ปี 2566.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("..")).isEqualTo("file");
        assertThat(FileNames.sanitise("a<b>|c?.pdf")).isEqualTo("a_b__c_.pdf");
        assertThat(FileNames.sanitise("x".repeat(300) + ".docx")).hasSize(200).endsWith(".docx");
    }
}

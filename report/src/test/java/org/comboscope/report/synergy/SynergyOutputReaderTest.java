package org.comboscope.report.synergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.comboscope.core.doseresponse.CurveModel;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.synergy.SynergyMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynergyOutputReaderTest {
    @TempDir
    Path dir;

    void write(String blocksRow, String cellsExtra) throws Exception {
        Files.writeString(
                dir.resolve("blocks.csv"),
                "block_id,drug1,drug2,ZIP_synergy,ZIP_synergy_p_value,css,conc_unit1,conc_unit2\n" + blocksRow);
        Files.writeString(
                dir.resolve("cells.csv"),
                "block_id,conc1,conc2,response,ZIP_fit,ZIP_ref,ZIP_synergy,Loewe_ci\n"
                        + "B,0,0,0,NA,NA,0,NA\n"
                        + "B,1,0,20,NA,20,0,NA\n"
                        + "B,0,2,30,NA,30,0,NA\n"
                        + cellsExtra);
        Files.writeString(
                dir.resolve("curves.csv"),
                "block_id,drug_index,drug,model,b,c,d,e,rss,ic50,n,conc_unit,log_base,df_residual,"
                        + String.join(",", SynergyOutputReader.COVARIANCE_COLUMNS) + "\n"
                        + "B,1,a,LL.4,-1,0,100,1,0.5,1,2,uM,NA,3,1,0,0,0,2,0,0,3,0,4\n"
                        + "B,2,b,L.4,-1,0,100,0.5,0.5,1.6,2,uM,10,0,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA\n");
        Files.writeString(
                dir.resolve("warnings.txt"), "# header\nnot analysed: block C: too few doses\nblock B: note\n");
    }

    @Test
    void read_smallDirectory_gridCurvesAndProblems() throws Exception {
        write("B,a,b,12.5,0.01,40,uM,uM\n", "B,1,2,70,NA,44,26,Inf\n");
        SynergyRun run = SynergyOutputReader.read(dir);
        assertThat(run.blocks()).hasSize(1);
        BlockView b = run.blocks().get(0);
        assertThat(b.conc1()).containsExactly(0, 1);
        assertThat(b.conc2()).containsExactly(0, 2);
        assertThat(b.response()[1][1]).isEqualTo(70);
        assertThat(b.response()[0][1]).isEqualTo(30);
        assertThat(b.synergy(SynergyMethod.ZIP).orElseThrow()[1][1]).isEqualTo(26);
        assertThat(b.loeweCi()[1][1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.methods()).containsExactly(SynergyMethod.ZIP);
        assertThat(b.summaries().get(SynergyMethod.ZIP).pValue()).hasValue(0.01);
        assertThat(b.css()).hasValue(40);
        CurveView c1 = b.curves().get(0);
        assertThat(c1.hasBand()).isTrue();
        assertThat(c1.covariance().orElseThrow()[3][3]).isEqualTo(4);
        assertThat(c1.covariance().orElseThrow()[1][0]).isEqualTo(0);
        assertThat(c1.doses()).containsExactly(1);
        assertThat(c1.responses()).containsExactly(20);
        assertThat(c1.controlResponse()).hasValue(0);
        CurveView c2 = b.curves().get(1);
        assertThat(c2.curve().model()).isEqualTo(CurveModel.L4);
        assertThat(c2.curve().logBase()).isEqualTo(10.0);
        assertThat(c2.hasBand()).isFalse();
        assertThat(run.notAnalysed()).containsExactly("block C: too few doses");
        assertThat(run.warnings()).containsExactly("block B: note");
        assertThat(run.provenance().inputSha256()).isEqualTo("not recorded");
    }

    @Test
    void read_badNumber_dataFormatErrorWithFileLineAndColumn() throws Exception {
        write("B,a,b,12.5,0.01,40,uM,uM\n", "B,1,2,seventy,NA,44,26,1\n");
        assertThatThrownBy(() -> SynergyOutputReader.read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("cells.csv")
                .hasMessageContaining("5")
                .hasMessageContaining("response")
                .hasMessageContaining("seventy");
    }

    @Test
    void read_missingCurvesFile_dataFormatErrorNamesIt() throws Exception {
        write("B,a,b,12.5,0.01,40,uM,uM\n", "");
        Files.delete(dir.resolve("curves.csv"));
        assertThatThrownBy(() -> SynergyOutputReader.read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("curves.csv");
    }
}

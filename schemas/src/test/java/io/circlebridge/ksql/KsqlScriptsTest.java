package io.circlebridge.ksql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.ksql.KsqlScripts.Declaration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsqlScriptsTest {

    @Test
    void shouldSplitStatementsAndDropComments() {
        String script = """
                -- A comment; with a semicolon.
                CREATE STREAM a (k STRING KEY) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='AVRO');
                /* A block comment; also with one. */
                SELECT * FROM a;
                """;

        List<String> statements = KsqlScripts.split(script);

        assertThat(statements).containsExactly(
                "CREATE STREAM a (k STRING KEY) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='AVRO');",
                "SELECT * FROM a;");
    }

    @Test
    void shouldKeepSemicolonsInsideQuotes() {
        String script = "SELECT `odd;name` FROM a WHERE b = 'x;''y';\n";

        List<String> statements = KsqlScripts.split(script);

        assertThat(statements).containsExactly("SELECT `odd;name` FROM a WHERE b = 'x;''y';");
    }

    @Test
    void shouldRejectStatementWithoutSemicolon() {
        String script = "SELECT * FROM a;\nSELECT * FROM b\n";

        assertThatThrownBy(() -> KsqlScripts.split(script))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing ';' after the last statement: SELECT * FROM b");
    }

    @Test
    void shouldParseDeclaration() {
        String statement = "CREATE TABLE status (pipeline_key STRING PRIMARY KEY)\n"
                + "  WITH (KAFKA_TOPIC='circleci.pipeline-status', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');";

        List<Declaration> declarations = KsqlScripts.declarations(List.of(statement));

        assertThat(declarations).singleElement().satisfies(declaration -> {
            assertThat(declaration.kind()).isEqualTo("TABLE");
            assertThat(declaration.name()).isEqualTo("status");
            assertThat(declaration.columns()).isEqualTo("pipeline_key STRING PRIMARY KEY");
            assertThat(declaration.topic()).contains("circleci.pipeline-status");
            assertThat(declaration.properties()).containsEntry("KEY_FORMAT", "KAFKA").containsEntry("VALUE_FORMAT", "AVRO");
        });
    }

    @Test
    void shouldNotTakeQueryResultTableForDeclaration() {
        String statement = "CREATE TABLE counts WITH (KAFKA_TOPIC='counts') AS SELECT a, COUNT(*) FROM s GROUP BY a;";

        List<Declaration> declarations = KsqlScripts.declarations(List.of(statement));

        assertThat(declarations).isEmpty();
    }

    @Test
    void shouldTellQueriesFromOtherStatements() {
        assertThat(KsqlScripts.isQuery("select * from a;")).isTrue();
        assertThat(KsqlScripts.isQuery("CREATE TABLE t AS SELECT * FROM a;")).isFalse();
    }
}

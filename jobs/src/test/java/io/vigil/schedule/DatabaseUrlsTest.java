package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void keepsWhereTheDatabaseIs() {
        assertThat(DatabaseUrls.withoutCredentials("jdbc:postgresql://db1.internal:5432/vigil"))
                .isEqualTo("postgresql://db1.internal:5432/vigil");
    }

    @Test
    void dropsTheQueryStringAndAnyUserInfo() {
        assertThat(DatabaseUrls.withoutCredentials("jdbc:postgresql://vigil:s3cret@db1:5432/vigil?password=s3cret&ssl=true"))
                .isEqualTo("postgresql://db1:5432/vigil");
        assertThat(DatabaseUrls.withoutCredentials("jdbc:postgresql://db1,db2:5432/vigil?targetServerType=primary"))
                .isEqualTo("postgresql://db1,db2:5432/vigil");
        assertThat(DatabaseUrls.withoutCredentials("jdbc:sqlserver://db1:1433;user=sa;password=s3cret"))
                .isEqualTo("sqlserver://db1:1433");
    }

    @Test
    void saysSoWhenThereIsNoUrl() {
        assertThat(DatabaseUrls.withoutCredentials(null)).isEqualTo("(no URL)");
    }
}

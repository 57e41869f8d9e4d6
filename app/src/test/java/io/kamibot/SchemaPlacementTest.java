package io.kamibot;

import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Each feature's indexes are declared in its one {@code …Schema} component, and nowhere else. */
class SchemaPlacementTest {

	private static final ImportOption PRODUCTION_CODE = (Location location) -> !location.contains("/test-classes/")
			&& !location.contains("-tests.jar");
	private static final Set<String> INDEX_METHODS = Set.of("createIndex", "createIndexes", "ensureIndex", "indexOps");

	private static final DescribedPredicate<JavaMethodCall> CREATES_AN_INDEX = DescribedPredicate.describe(
			"create a MongoDB index", call -> INDEX_METHODS.contains(call.getName())
					&& (call.getTargetOwner().isAssignableTo(MongoCollection.class)
							|| call.getTargetOwner().isAssignableTo(IndexOperations.class)
							|| call.getTargetOwner().isAssignableTo(MongoOperations.class)));

	/** Imported once for both rules: an import of the whole application is most of this class's time. */
	private static final JavaClasses APPLICATION = new ClassFileImporter().withImportOption(PRODUCTION_CODE)
		.importPackages("io.kamibot");

	@Test
	void onlySchemaComponentsCreateIndexes() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Schema")
			.should()
			.callMethodWhere(CREATES_AN_INDEX)
			.check(APPLICATION);
	}

	/** Also proves the rule above sees index calls at all: every schema makes some. */
	@Test
	void eachSchemaIsAComponentOfItsFeatureThatCreatesIndexes() {
		classes().that()
			.haveSimpleNameEndingWith("Schema")
			.should()
			.beAnnotatedWith(Component.class)
			.andShould()
			.notBePublic()
			.andShould()
			.callMethodWhere(CREATES_AN_INDEX)
			.check(APPLICATION);
	}
}

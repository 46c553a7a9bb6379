# grad: the two set-up commands are `make run` and `make test`.
MVN ?= mvn -B -ntp
JAVA ?= java
ARGS ?= --dataset xor --lr 0.005

.PHONY: run test jar bench gallery fuzz clean

run: grad.jar
	$(JAVA) -jar grad.jar $(ARGS)

jar: grad.jar

grad.jar: pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -DskipTests package
	cp target/grad-*.jar grad.jar

test:
	$(MVN) test

clean:
	$(MVN) clean
	rm -f grad.jar

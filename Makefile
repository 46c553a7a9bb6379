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

# Speed and memory figures (src/test/java/grad/bench/Bench.java); timings only, no assertions.
BENCH_TIME = /usr/bin/time
bench: jar
	@test -x $(BENCH_TIME) || apt-get install -y time >/dev/null 2>&1 \
		|| echo "bench: no $(BENCH_TIME) (apt-get install time); peak memory will come from /proc/<pid>/status"
	$(MVN) -q test-compile
	$(JAVA) -cp target/classes:target/test-classes grad.bench.Bench grad.jar

clean:
	$(MVN) clean
	rm -f grad.jar

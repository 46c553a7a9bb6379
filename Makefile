# grad: the two set-up commands are `make run` and `make test`.
MVN ?= mvn -B -ntp
JAVA ?= java
ARGS ?= --dataset xor --lr 0.005

.PHONY: run test jar shell bench gallery clean

run: grad.jar
	$(JAVA) -jar grad.jar $(ARGS)

jar: grad.jar

grad.jar: pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -DskipTests package
	cp target/grad-*-all.jar grad.jar

test:
	$(MVN) test

# jshell with grad on the class path and its packages imported (src/main/jshell/grad.jsh): try Value and Tensor live.
JSHELL ?= jshell
shell:
	$(MVN) compile dependency:build-classpath -Dmdep.outputFile=target/shell.classpath > /dev/null
	$(JSHELL) --class-path "target/classes:$$(cat target/shell.classpath)" --startup DEFAULT --startup src/main/jshell/grad.jsh

# Speed and memory figures (src/test/java/grad/bench/Bench.java); timings only, no assertions.
# BASELINE=path/to/an/earlier/grad.jar also times the default run against it; the default run is also timed
# against bench/torch_xor.py (PyTorch + matplotlib doing the same) when python3 imports torch, matplotlib and PIL.
# Part 6 times GPT-2 small's shape (random weights) against bench/torch_gpt2.py when python3 imports torch.
BENCH_TIME = /usr/bin/time
bench: jar
	@test -x $(BENCH_TIME) || { apt-get update && apt-get install -y time; } >/dev/null 2>&1 \
		|| echo "bench: no $(BENCH_TIME) (apt-get install time); peak memory will come from /proc/<pid>/status"
	@python3 -c 'import torch, matplotlib, PIL' 2>/dev/null || /usr/bin/python3 -c 'import torch, matplotlib, PIL' 2>/dev/null \
		|| { apt-get update && apt-get install -y python3-torch python3-matplotlib python3-pil; } >/dev/null 2>&1 \
		|| echo "bench: no PyTorch baseline (apt-get install python3-torch python3-matplotlib python3-pil); bench/torch_xor.py is skipped"
	$(MVN) test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
	$(JAVA) -cp "$$(cat target/bench.classpath):target/classes:target/test-classes" grad.bench.Bench grad.jar 3 $(BASELINE)

clean:
	$(MVN) clean
	rm -f grad.jar

# Regenerates every picture of the README's gallery under docs/ (commit them with the code that made them);
# the report's screenshot needs headless Chromium (apt-get install -y chromium).
GALLERY := target/gallery
# the README's spiral recipe
SPIRAL := --dataset spiral --input-features x,y,x2,y2,xy,sinx,siny --standardize --hidden-units 8,8 --activation tanh --loss cross-entropy --lr 0.01 --epochs 100
CHROMIUM ?= chromium
gallery: grad.jar
	rm -rf $(GALLERY) && mkdir -p docs $(GALLERY)
	for d in linear xor moons circles; do \
	  lr=0.001; [ $$d = xor ] && lr=0.005; \
	  $(JAVA) -jar grad.jar --dataset $$d --lr $$lr -o $(GALLERY)/$$d > $(GALLERY)/$$d.log || exit 1; \
	  cp $(GALLERY)/$$d/decision_boundary_epoch_50_$$d.png docs/decision_boundary_$$d.png; \
	  cp $(GALLERY)/$$d/decision_boundary_$$d.gif docs/; \
	  cp $(GALLERY)/$$d/curves_$$d.png docs/; \
	done
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=2000 \
	  --window-size=1280,1400 --screenshot=$(CURDIR)/docs/report_xor.png \
	  file://$(CURDIR)/$(GALLERY)/xor/report.html 2> $(GALLERY)/report_screenshot.log
	$(JAVA) -jar grad.jar --dataset xor --lr 0.005 --epochs 1 --graphviz --no-plots -o $(GALLERY)/graph > /dev/null
	cp $(GALLERY)/graph/weights_epoch_1_xor.svg docs/graph_xor.svg
	cp $(GALLERY)/graph/weights_epoch_1_xor.png docs/graph_xor.png
	$(JAVA) -jar grad.jar --dataset xor --lr 0.005 --epochs 1 --graphviz --graphviz-max-nodes 100 --no-plots -o $(GALLERY)/graph-folded > /dev/null
	cp $(GALLERY)/graph-folded/weights_epoch_1_xor.png docs/graph_xor_folded.png
	$(JAVA) -jar grad.jar --dataset xor --init uniform:0,100 --epochs 20 --graphviz -o $(GALLERY)/bad-init > docs/bad_init_xor.txt
	cp $(GALLERY)/bad-init/weights_epoch_1_xor.png docs/graph_bad_init_xor.png
	cp $(GALLERY)/bad-init/decision_boundary_epoch_20_xor.png docs/decision_boundary_bad_init_xor.png
	$(JAVA) -jar grad.jar $(SPIRAL) -o $(GALLERY)/spiral > $(GALLERY)/spiral.log
	cp $(GALLERY)/spiral/network_spiral.png docs/
	$(JAVA) -jar grad.jar --lr 1000 --momentum 0.99 --no-report -o $(GALLERY)/huge-lr > /dev/null 2> $(GALLERY)/huge-lr.warnings
	cp $(GALLERY)/huge-lr/curves_xor.png docs/curves_huge_lr_xor.png
	$(JAVA) -jar grad.jar lr-find --dataset moons -o $(GALLERY)/lr-find > /dev/null
	cp $(GALLERY)/lr-find/lr_find_moons.png docs/
	cp $(GALLERY)/spiral/decision_boundary_epoch_100_spiral.png docs/decision_boundary_spiral.png
	$(JAVA) -jar grad.jar --dataset datasets/flowers.csv --hidden-units 8 --epochs 100 --lr 0.01 -o $(GALLERY)/flowers > /dev/null
	cp $(GALLERY)/flowers/network_flowers.png $(GALLERY)/flowers/confusion_flowers.png docs/
	$(JAVA) -jar grad.jar --dataset src/test/resources/grad/cli/houses.csv --delimiter ';' --label price --epochs 100 -o $(GALLERY)/houses > /dev/null
	cp $(GALLERY)/houses/predictions_houses.png docs/
	$(JAVA) -jar grad.jar text -o $(GALLERY)/text > $(GALLERY)/text.log
	cp $(GALLERY)/text/loss_names.png $(GALLERY)/text/attention_names.png $(GALLERY)/text/embeddings_names.png docs/
	# grad playground's page, trained to the spiral recipe's last epoch, through Chromium's DevTools (test classpath)
	$(MVN) test-compile dependency:build-classpath -Dmdep.outputFile=target/gallery.classpath -Dmdep.includeScope=test
	$(JAVA) -cp "$$(cat target/gallery.classpath):target/classes:target/test-classes" grad.playground.Screenshot docs/playground.png

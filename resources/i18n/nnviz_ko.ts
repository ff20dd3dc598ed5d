<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name />
    <message>
        <source>Whole numbers from {lo} to {hi}, separated by commas</source>
        <translation>{lo}부터 {hi}까지의 정수를 쉼표로 구분해 입력하세요</translation>
    </message>
    <message>
        <source>A whole number from {lo} to {hi}</source>
        <translation>{lo}부터 {hi}까지의 정수</translation>
    </message>
    <message>
        <source>A positive number, e.g. 0.1</source>
        <translation>양수 (예: 0.1)</translation>
    </message>
    <message>
        <source>A whole number, 0 or more</source>
        <translation>0 이상의 정수</translation>
    </message>
    <message>
        <source>A number from 0 up to, but not including, 1</source>
        <translation>0 이상 1 미만의 수</translation>
    </message>
    <message>
        <source>A positive number</source>
        <translation>양수</translation>
    </message>
    <message>
        <source>A whole number, 2 or more</source>
        <translation>2 이상의 정수</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(사용자 설정)</translation>
    </message>
    <message>
        <source>Fill in a documented set of hyperparameters (book = the defaults)</source>
        <translation>문서화된 하이퍼파라미터 묶음을 채웁니다 (book = 기본값)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>Units per hidden layer, e.g. 50, 100 (the book)</source>
        <translation>은닉층마다의 뉴런 수, 예: 50, 100 (책의 설정)</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Slope</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>초기 가중치</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Random seed of the initial weights and shuffling</source>
        <translation>초기 가중치와 데이터 섞기에 쓰는 난수 시드</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>학습 방법</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Step size of each weight update</source>
        <translation>가중치를 한 번 갱신할 때의 보폭</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Images per weight update</source>
        <translation>가중치를 한 번 갱신하는 데 쓰는 이미지 수</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over the training images</source>
        <translation>훈련 이미지 전체를 몇 번 반복할지</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Tests per epoch</source>
        <translation>에포크당 평가 횟수</translation>
    </message>
    <message>
        <source>How often per epoch the test set is scored (points on the test curves)</source>
        <translation>에포크마다 시험 데이터로 몇 번 평가할지 (시험 곡선의 점)</translation>
    </message>
    <message>
        <source>mnist, fashion-mnist or a directory of IDX files</source>
        <translation>mnist, fashion-mnist 또는 IDX 파일이 든 폴더</translation>
    </message>
    <message>
        <source>Enter whole numbers separated by commas, e.g. 50, 100</source>
        <translation>쉼표로 구분한 정수를 입력하세요. 예: 50, 100</translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation>숫자를 입력하세요</translation>
    </message>
    <message>
        <source>Leaky slope</source>
        <translation>Leaky 기울기</translation>
    </message>
    <message>
        <source>ELU alpha</source>
        <translation>ELU 알파</translation>
    </message>
    <message>
        <source>Maxout pieces</source>
        <translation>Maxout 조각 수</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>항등 함수</translation>
    </message>
    <message>
        <source>book (std 0.01)</source>
        <translation>책의 방식 (표준편차 0.01)</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier 초깃값</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He 초깃값</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD (확률적 경사 하강법)</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>cosine decay</source>
        <translation>코사인 감소</translation>
    </message>
    <message>
        <source>book (the defaults)</source>
        <translation>책 (기본값)</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>best</source>
        <translation>최고 정확도</translation>
    </message>
    <message>
        <source>{then} if {condition}, else {otherwise}</source>
        <translation>{condition}이면 {then}, 아니면 {otherwise}</translation>
    </message>
    <message>
        <source>the slope &lt;i&gt;w&lt;/i&gt; of the larger piece</source>
        <translation>더 큰 조각의 기울기 &lt;i&gt;w&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Squashes any input into (0, 1). Far from 0 the curve is flat: h′ ≈ 0.</source>
        <translation>어떤 입력이든 (0, 1) 사이로 눌러 담습니다. 0에서 멀어지면 곡선이 평평해집니다: h′ ≈ 0.</translation>
    </message>
    <message>
        <source>Like the sigmoid but centred on 0, output in (−1, 1); it saturates too.</source>
        <translation>시그모이드와 비슷하지만 0을 중심으로 (−1, 1) 사이를 출력합니다. 역시 포화됩니다.</translation>
    </message>
    <message>
        <source>Passes positive inputs unchanged; negative ones give 0 and no gradient.</source>
        <translation>양수 입력은 그대로 통과시키고, 음수 입력은 0이 되어 기울기도 없습니다.</translation>
    </message>
    <message>
        <source>A small slope α for x &lt; 0 keeps a gradient where ReLU has none.</source>
        <translation>x &lt; 0에서 작은 기울기 α를 두어, ReLU라면 기울기가 없는 곳에도 기울기를 남깁니다.</translation>
    </message>
    <message>
        <source>Smooth for x &lt; 0, approaching −α; the gradient fades there slowly.</source>
        <translation>x &lt; 0에서 매끄럽게 −α에 다가가며, 그곳의 기울기는 천천히 사라집니다.</translation>
    </message>
    <message>
        <source>Keeps the larger of two lines: it can learn ReLU, |x| and more.</source>
        <translation>두 직선 중 큰 쪽을 택합니다: ReLU, |x| 등을 배울 수 있습니다.</translation>
    </message>
    <message>
        <source>No activation: output = input. A stack of linear layers stays linear.</source>
        <translation>활성화 없음: 출력 = 입력. 선형 층을 아무리 쌓아도 선형입니다.</translation>
    </message>
    <message>
        <source>Leaky ReLU slope α</source>
        <translation>Leaky ReLU 기울기 α</translation>
    </message>
    <message>
        <source>ELU α</source>
        <translation>ELU α</translation>
    </message>
    <message>
        <source>The default model could not be loaded ({error}); showing random weights.</source>
        <translation>기본 모델을 불러올 수 없어서({error}) 무작위 가중치를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>입력층 x</translation>
    </message>
    <message>
        <source>Output y</source>
        <translation>출력층 y</translation>
    </message>
    <message>
        <source>Layer {l}</source>
        <translation>{l}층</translation>
    </message>
    <message>
        <source>{n} pixels</source>
        <translation>픽셀 {n}개</translation>
    </message>
    <message>
        <source>{n} pixels ({s}×{s})</source>
        <translation>픽셀 {n}개 ({s}×{s})</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>값 {n}개</translation>
    </message>
    <message>
        <source>{n} · softmax</source>
        <translation>{n} · 소프트맥스</translation>
    </message>
    <message>
        <source>{n} classes · softmax</source>
        <translation>클래스 {n}개 · 소프트맥스</translation>
    </message>
    <message>
        <source>{n} · {h}</source>
        <translation>{n} · {h}</translation>
    </message>
    <message>
        <source>Hidden layer {l}</source>
        <translation>은닉층 {l}</translation>
    </message>
    <message>
        <source>{n} nodes · h = {h}</source>
        <translation>노드 {n}개 · h = {h}</translation>
    </message>
    <message>
        <source>⋮ +{n}</source>
        <translation>⋮ +{n}</translation>
    </message>
    <message>
        <source>shows &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 표시 중</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>아직 도달 전</translation>
    </message>
    <message>
        <source>{formula},  h = {name}</source>
        <translation>{formula},  h = {name}</translation>
    </message>
    <message>
        <source>The loss E says how wrong this answer is, against t, the one-hot label: {f}. Learning means making E small; the backward pass finds how.</source>
        <translation>손실 E는 원-핫 정답 레이블 t에 비해 이 답이 얼마나 틀렸는지 나타냅니다: {f}. 학습이란 E를 작게 만드는 것이고, 역전파가 그 방법을 찾습니다.</translation>
    </message>
    <message>
        <source>How E changes with each output score. With mean squared error the slope of softmax comes in too: a confidently wrong answer passes back little.</source>
        <translation>각 출력 점수에 따라 E가 어떻게 변하는지입니다. 평균 제곱 오차에서는 소프트맥스의 기울기도 곱해져서, 확신에 찬 오답은 기울기를 조금밖에 돌려보내지 못합니다.</translation>
    </message>
    <message>
        <source>How E changes with each output score: for softmax with cross-entropy simply y - t. The true class is pushed up, every other class down.</source>
        <translation>각 출력 점수에 따라 E가 어떻게 변하는지입니다. 소프트맥스와 교차 엔트로피에서는 간단히 y - t입니다. 정답 클래스는 올라가고 나머지 클래스는 모두 내려갑니다.</translation>
    </message>
    <message>
        <source>The slope of each weight of layer {l}: what flows in ({inputs}) times the delta of the node it feeds. Edges: the largest |dE/dw|.</source>
        <translation>{l}층 각 가중치의 기울기: 들어오는 값({inputs}) 곱하기 그 가중치가 이어진 노드의 델타. 간선: |dE/dw|가 가장 큰 것들.</translation>
    </message>
    <message>
        <source>The slope of each bias of layer {l} is its node's delta: a bias feeds its node with 1.</source>
        <translation>{l}층 각 편향의 기울기는 그 노드의 델타입니다. 편향은 노드에 1을 곱해 더해지기 때문입니다.</translation>
    </message>
    <message>
        <source>The gradient flows back along the weights: each node of layer {l} adds up the deltas of layer {n}, each times the weight between them.</source>
        <translation>기울기가 가중치를 따라 거꾸로 흐릅니다: {l}층의 각 노드는 {n}층의 델타에 그 사이의 가중치를 곱해 모두 더합니다.</translation>
    </message>
    <message>
        <source>Back through the activation: each node's gradient is multiplied by the slope h'(a) of {h}. Where h is flat (saturated), almost nothing passes back.</source>
        <translation>활성화 함수를 거꾸로 지납니다: 각 노드의 기울기에 {h}의 기울기 h'(a)가 곱해집니다. h가 평평한 곳(포화)에서는 거의 아무것도 전달되지 않습니다.</translation>
    </message>
    <message>
        <source>One step of learning: every weight of layer {l} moves against its slope, by the learning rate η = {lr:g} times dE/dW.</source>
        <translation>학습 한 걸음: {l}층의 모든 가중치가 기울기의 반대 방향으로, 학습률 η = {lr:g} 곱하기 dE/dW만큼 움직입니다.</translation>
    </message>
    <message>
        <source>The input: the {n} pixel values of the image, from 0 (paper) to 1 (ink).</source>
        <translation>입력: 이미지의 픽셀 값 {n}개, 0(종이)부터 1(잉크)까지.</translation>
    </message>
    <message>
        <source>Each node of layer 1 multiplies all {n} inputs by its weights, adds them up and adds its bias. Edges: the strongest products w·x.</source>
        <translation>1층의 각 노드는 입력 {n}개에 각각 가중치를 곱해 모두 더하고 편향을 더합니다. 선: 가장 큰 곱 w·x.</translation>
    </message>
    <message>
        <source>Each output node adds up the {n} outputs of layer {p}, each times its weight, plus its bias: one score per class.</source>
        <translation>출력층의 각 노드는 {p}층의 출력 {n}개에 각각 가중치를 곱해 더하고 편향을 더합니다: 클래스마다 점수 하나.</translation>
    </message>
    <message>
        <source>Each node of layer {l} adds up the {n} outputs of layer {p}, each times its weight, plus its bias.</source>
        <translation>{l}층의 각 노드는 {p}층의 출력 {n}개에 각각 가중치를 곱해 더하고 편향을 더합니다.</translation>
    </message>
    <message>
        <source>Each node of layer {l} passes its sum a through the activation: {f}.</source>
        <translation>{l}층의 각 노드는 합 a를 활성화 함수에 통과시킵니다: {f}.</translation>
    </message>
    <message>
        <source>softmax turns the {n} scores into probabilities that add up to 1: y_k = exp(a_k) / Σ exp(a_i). The largest is the prediction.</source>
        <translation>소프트맥스는 점수 {n}개를 합이 1인 확률로 바꿉니다: y_k = exp(a_k) / Σ exp(a_i). 가장 큰 것이 예측입니다.</translation>
    </message>
    <message>
        <source>Stage {i} of {n}: {name}</source>
        <translation>단계 {i} / {n}: {name}</translation>
    </message>
    <message>
        <source>Backward, stage {i} of {n}: {name}</source>
        <translation>역전파 단계 {i} / {n}: {name}</translation>
    </message>
    <message>
        <source>no true label (drawn input)</source>
        <translation>정답 없음 (직접 그린 입력)</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ 정답</translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation>✗ 오답</translation>
    </message>
    <message>
        <source>true label: {name}</source>
        <translation>정답: {name}</translation>
    </message>
    <message>
        <source>Prediction: {pred} ({p:.1f} %)  {mark}</source>
        <translation>예측: {pred} ({p:.1f} %)  {mark}</translation>
    </message>
    <message>
        <source>Prediction: when the signal reaches y</source>
        <translation>예측: 신호가 y에 도달하면</translation>
    </message>
    <message>
        <source>drawn input</source>
        <translation>직접 그린 입력</translation>
    </message>
    <message>
        <source>test sample #{i}</source>
        <translation>시험 샘플 #{i}</translation>
    </message>
    <message>
        <source>Back to the input</source>
        <translation>입력으로 돌아가기</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>이전 단계</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>재생 / 일시정지</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <source>Previous sample</source>
        <translation>이전 샘플</translation>
    </message>
    <message>
        <source>Next sample</source>
        <translation>다음 샘플</translation>
    </message>
    <message>
        <source>Random sample</source>
        <translation>무작위 샘플</translation>
    </message>
    <message>
        <source>Prev</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Animation speed</source>
        <translation>애니메이션 속도</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>Index of the test image shown</source>
        <translation>표시할 시험 이미지의 번호</translation>
    </message>
    <message>
        <source>N, P and R visit only the test images the network gets wrong</source>
        <translation>N, P, R이 네트워크가 틀린 시험 이미지만 돌아봅니다</translation>
    </message>
    <message>
        <source>Backward:</source>
        <translation>역전파:</translation>
    </message>
    <message>
        <source>How the network learns from this digit: the loss, its gradient back to the first weights, then one step of learning</source>
        <translation>네트워크가 이 숫자에서 배우는 과정: 손실, 첫 가중치까지 거꾸로 전달되는 기울기, 그리고 학습 한 걸음</translation>
    </message>
    <message>
        <source>Misclassified only ({n})</source>
        <translation>오답만 ({n})</translation>
    </message>
    <message>
        <source>Misclassified only</source>
        <translation>오답만</translation>
    </message>
    <message>
        <source>Edges show the largest terms w·x that each node adds up, for this image: red ones push the node's sum up, blue ones push it down. Only the strongest few per node are drawn.</source>
        <translation>선은 이 이미지에서 각 노드가 더하는 항 w·x 중 가장 큰 것들입니다: 빨간 선은 노드의 합을 올리고, 파란 선은 내립니다. 노드마다 가장 강한 몇 개만 그립니다.</translation>
    </message>
    <message>
        <source>dE/dw &gt; 0 (the step lowers w)</source>
        <translation>dE/dw &gt; 0 (한 걸음에 w가 줄어듦)</translation>
    </message>
    <message>
        <source>dE/dw &lt; 0 (the step raises w)</source>
        <translation>dE/dw &lt; 0 (한 걸음에 w가 늘어남)</translation>
    </message>
    <message>
        <source>thicker = larger |dE/dw|</source>
        <translation>굵을수록 |dE/dw|가 큼</translation>
    </message>
    <message>
        <source>w·x &gt; 0 (pushes up)</source>
        <translation>w·x &gt; 0 (올림)</translation>
    </message>
    <message>
        <source>w·x &lt; 0 (pushes down)</source>
        <translation>w·x &lt; 0 (내림)</translation>
    </message>
    <message>
        <source>thicker = larger |w·x|</source>
        <translation>굵을수록 |w·x|가 큼</translation>
    </message>
    <message>
        <source>node colour ({name}):</source>
        <translation>노드 색 ({name}):</translation>
    </message>
    <message>
        <source>+ the other {n} terms</source>
        <translation>+ 나머지 항 {n}개</translation>
    </message>
    <message>
        <source>+ bias b</source>
        <translation>+ 편향 b</translation>
    </message>
    <message>
        <source>Output node {k}: class “{name}”</source>
        <translation>출력 노드 {k}: 클래스 “{name}”</translation>
    </message>
    <message>
        <source>Hidden layer {l}, node {j}</source>
        <translation>은닉층 {l}, 노드 {j}</translation>
    </message>
    <message>
        <source>(mean squared error: y - t times the slope of softmax)</source>
        <translation>(평균 제곱 오차: y - t에 소프트맥스의 기울기를 곱한 값)</translation>
    </message>
    <message>
        <source>h is flat here (saturated): almost nothing passes back</source>
        <translation>여기서 h가 평평합니다(포화): 거의 아무것도 전달되지 않습니다</translation>
    </message>
    <message>
        <source>dE/dz: the deltas of layer {n} that reach it, each times its weight</source>
        <translation>dE/dz: 이 노드에 닿는 {n}층의 델타에 각각의 가중치를 곱한 값</translation>
    </message>
    <message>
        <source>each incoming weight's slope: dE/dw_i = {inp}_i × {d}</source>
        <translation>들어오는 각 가중치의 기울기: dE/dw_i = {inp}_i × {d}</translation>
    </message>
    <message>
        <source>Output node {k}</source>
        <translation>출력 노드 {k}</translation>
    </message>
    <message>
        <source>({n} terms; the largest:)</source>
        <translation>(항 {n}개 중 가장 큰 것:)</translation>
    </message>
    <message>
        <source>a is the winning piece ({w} of {k}) of this Maxout unit.</source>
        <translation>a는 이 Maxout 뉴런에서 이긴 조각입니다 ({k}개 중 {w}번째).</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>{n}개 더</translation>
    </message>
    <message>
        <source>(every a shifted by max a = {m} so exp stays finite)</source>
        <translation>(exp가 넘치지 않도록 모든 a에서 max a = {m}를 뺌)</translation>
    </message>
    <message>
        <source>its {n} weight slopes dE/dW1[:, {j}], laid out like the image
(red: the step lowers that weight, blue: raises it)</source>
        <translation>이 노드의 가중치 기울기 {n}개 dE/dW1[:, {j}], 이미지처럼 배치
(빨강: 한 걸음에 그 가중치가 줄어듦, 파랑: 늘어남)</translation>
    </message>
    <message>
        <source>its {n} incoming weights W1[:, {j}], laid out
like the image (red +, blue −)</source>
        <translation>들어오는 가중치 W1[:, {j}] {n}개를
이미지처럼 배치 (빨강 +, 파랑 −)</translation>
    </message>
    <message>
        <source>pinned: click here or press Esc to close</source>
        <translation>고정됨: 여기를 클릭하거나 Esc를 누르면 닫힙니다</translation>
    </message>
    <message>
        <source>click the node to pin</source>
        <translation>노드를 클릭하면 고정됩니다</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>첫 번째 층 가중치</translation>
    </message>
    <message>
        <source>How it learns</source>
        <translation>학습 원리</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s}초</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m}분 {s:02d}초</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h}시간 {m:02d}분</translation>
    </message>
    <message>
        <source>PCA (at once)</source>
        <translation>PCA (즉시)</translation>
    </message>
    <message>
        <source>t-SNE (takes seconds)</source>
        <translation>t-SNE (몇 초 걸림)</translation>
    </message>
    <message>
        <source>the network on screen</source>
        <translation>화면의 신경망</translation>
    </message>
    <message>
        <source>before training (the run's first weights)</source>
        <translation>학습 전 (이번 학습의 첫 가중치)</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>견고성</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>지도</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>실험실</translation>
    </message>
    <message>
        <source>Pixel noise</source>
        <translation>픽셀 잡음</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>회전</translation>
    </message>
    <message>
        <source>Thicker strokes</source>
        <translation>굵은 획</translation>
    </message>
    <message>
        <source>Thinner strokes</source>
        <translation>가는 획</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>noise σ (pixel values 0-1)</source>
        <translation>잡음 σ (픽셀 값 0~1 기준)</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>도</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>픽셀</translation>
    </message>
</context>
<context>
    <name>ActivationExplorer</name>
    <message>
        <source>Activation function:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Draw several activation functions on one plot</source>
        <translation>여러 활성화 함수를 한 그래프에 함께 그립니다</translation>
    </message>
    <message>
        <source>Network's units</source>
        <translation>네트워크의 뉴런</translation>
    </message>
    <message>
        <source>Show the current sample's pre-activations of the layer in the forward pass</source>
        <translation>순전파 중인 층에서 현재 샘플의 활성화 전 값(a)을 표시합니다</translation>
    </message>
    <message>
        <source>Hover over the plot to read h(x) and h′(x).</source>
        <translation>그래프 위에 마우스를 올리면 h(x)와 h′(x)를 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>h′ too</source>
        <translation>h′도 표시</translation>
    </message>
    <message>
        <source>Also draw each function's derivative, dashed</source>
        <translation>각 함수의 도함수도 점선으로 그립니다</translation>
    </message>
    <message>
        <source>units</source>
        <translation>뉴런 수</translation>
    </message>
    <message>
        <source>h′(x), the slope</source>
        <translation>h′(x), 기울기</translation>
    </message>
    <message>
        <source>saturated: |h′| &amp;lt; 0.1</source>
        <translation>포화: |h′| &amp;lt; 0.1</translation>
    </message>
    <message>
        <source>the network's {0}</source>
        <translation>네트워크의 {0}</translation>
    </message>
    <message>
        <source>the network's Maxout units output their winning piece: z = a</source>
        <translation>네트워크의 Maxout 뉴런은 가장 큰 조각을 그대로 출력합니다: z = a</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dots:&lt;/b&gt; the {n} units of layer {l} for the current sample, at their pre-activations a{l} on the network's {act} (the grey curve).</source>
        <translation>&lt;b&gt;점:&lt;/b&gt; 현재 샘플에 대한 {l}층의 뉴런 {n}개를, 활성화 전 값 a{l}의 위치에 네트워크의 {act}(회색 곡선) 위에 찍었습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dots:&lt;/b&gt; the {n} units of layer {l} for the current sample, at their pre-activations a{l} on the network's {act}. &lt;span style='color:{red}'&gt;{k} saturated&lt;/span&gt; (|h′| &amp;lt; 0.1), &lt;span style='color:{green}'&gt;{m} passing a gradient&lt;/span&gt;.</source>
        <translation>&lt;b&gt;점:&lt;/b&gt; 현재 샘플에 대한 {l}층의 뉴런 {n}개를, 활성화 전 값 a{l}의 위치에 네트워크의 {act} 위에 찍었습니다. &lt;span style='color:{red}'&gt;포화 {k}개&lt;/span&gt; (|h′| &amp;lt; 0.1), &lt;span style='color:{green}'&gt;기울기를 전달하는 뉴런 {m}개&lt;/span&gt;.</translation>
    </message>
    <message>
        <source>The network uses {net}, not {chosen}: the dots are its units, on {net}'s grey curve, and not coloured by {chosen}'s saturation. Choose {net} to see which of them saturate.</source>
        <translation>네트워크가 쓰는 함수는 {net}입니다(고른 함수: {chosen}). 점은 네트워크의 뉴런으로 {net}의 회색 곡선 위에 있으며, {chosen}의 포화 여부로 색칠하지 않았습니다. 어느 뉴런이 포화되는지 보려면 {net} 함수를 고르세요.</translation>
    </message>
    <message>
        <source>The network's {net} has other parameters than the sliders: the dots are its units, on its own grey curve, and not coloured by the saturation shown.</source>
        <translation>네트워크의 {net} 함수는 슬라이더와 다른 매개변수를 씁니다. 점은 네트워크의 뉴런으로 그 자신의 회색 곡선 위에 있으며, 여기 보이는 포화 영역으로 색칠하지 않았습니다.</translation>
    </message>
    <message>
        <source>Not the network's function.</source>
        <translation>네트워크의 함수가 아닙니다.</translation>
    </message>
    <message>
        <source>x = {x} &amp;nbsp; &lt;span style='color:{c1}'&gt;h(x) = {f}&lt;/span&gt; &amp;nbsp; &lt;span style='color:{c2}'&gt;h′(x) = {df}&lt;/span&gt;</source>
        <translation>x = {x} &amp;nbsp; &lt;span style='color:{c1}'&gt;h(x) = {f}&lt;/span&gt; &amp;nbsp; &lt;span style='color:{c2}'&gt;h′(x) = {df}&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>ConfusionPlot</name>
    <message>
        <source>true digit</source>
        <translation>실제 숫자</translation>
    </message>
    <message>
        <source>predicted digit</source>
        <translation>예측한 숫자</translation>
    </message>
</context>
<context>
    <name>CurvesPanel</name>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <source>How strongly the training curves are averaged over recent batches</source>
        <translation>훈련 곡선을 최근 배치들에 대해 얼마나 강하게 평균할지</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>손실 로그 눈금</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>x 로그 눈금</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>스텝 기준</translation>
    </message>
    <message>
        <source>by epoch</source>
        <translation>에포크 기준</translation>
    </message>
    <message>
        <source>by time</source>
        <translation>시간 기준</translation>
    </message>
    <message>
        <source>What the horizontal axis counts</source>
        <translation>가로축에 표시할 단위</translation>
    </message>
    <message>
        <source>Clear old runs</source>
        <translation>이전 실행 지우기</translation>
    </message>
    <message>
        <source>Remove the dimmed curves of earlier runs</source>
        <translation>흐리게 표시된 이전 실행의 곡선을 지웁니다</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Curves as CSV table…</source>
        <translation>곡선을 CSV 표로…</translation>
    </message>
    <message>
        <source>Plots as PNG picture…</source>
        <translation>그래프를 PNG 그림으로…</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>test {loss} (minimised)</source>
        <translation>시험 {loss} (최소화 대상)</translation>
    </message>
    <message>
        <source>training, smoothed</source>
        <translation>훈련 (평활화)</translation>
    </message>
    <message>
        <source>Press Start in the Training panel:
the loss will fall here as it learns</source>
        <translation>학습 패널에서 시작을 누르세요:
학습하는 동안 손실이 여기서 줄어듭니다</translation>
    </message>
    <message>
        <source>and the accuracy will rise here,
on the training batches and the test set</source>
        <translation>정확도는 여기서 올라갑니다,
훈련 배치와 시험 데이터 모두에서</translation>
    </message>
    <message>
        <source>test {loss}</source>
        <translation>시험 {loss}</translation>
    </message>
    <message>
        <source>test</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>{n} older</source>
        <translation>+{n}개</translation>
    </message>
    <message>
        <source>earlier runs:</source>
        <translation>이전:</translation>
    </message>
    <message>
        <source>earlier run:</source>
        <translation>이전:</translation>
    </message>
    <message>
        <source>lr {v}</source>
        <translation>학습률 {v}</translation>
    </message>
    <message>
        <source>batch {v}</source>
        <translation>배치 {v}</translation>
    </message>
    <message>
        <source>{v} init</source>
        <translation>초기값 {v}</translation>
    </message>
    <message>
        <source>{v} epochs</source>
        <translation>{v} 에포크</translation>
    </message>
    <message>
        <source>seed {v}</source>
        <translation>시드 {v}</translation>
    </message>
    <message>
        <source>steps (batches trained)</source>
        <translation>스텝 (학습한 배치 수)</translation>
    </message>
    <message>
        <source>seconds of training</source>
        <translation>학습 시간 (초)</translation>
    </message>
    <message>
        <source>Export curves as CSV</source>
        <translation>곡선을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export curves as PNG</source>
        <translation>곡선을 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <source>Draw a digit here with the mouse or a pen</source>
        <translation>마우스나 펜으로 여기에 숫자를 그리세요</translation>
    </message>
    <message>
        <source>Draw a digit (0-9) here</source>
        <translation>여기에 숫자(0-9)를 그리세요</translation>
    </message>
</context>
<context>
    <name>DigitPreview</name>
    <message>
        <source>What the network sees: the test image shown, or your drawing cropped, scaled to fit 20x20 pixels and centred by its centre of mass in 28x28, as MNIST's digits were made</source>
        <translation>네트워크가 보는 입력: 지금 보여 주는 시험 이미지, 또는 MNIST 숫자를 만든 방식대로 그림을 잘라 20x20 픽셀에 맞게 줄이고 무게중심이 28x28의 가운데에 오도록 옮긴 것</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Thickness of the pen</source>
        <translation>펜 굵기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Wipe the pad and start again</source>
        <translation>그림판을 지우고 다시 그립니다</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>말하지 않음</translation>
    </message>
    <message>
        <source>Tell the network which digit you meant, so the loss can be shown</source>
        <translation>어떤 숫자를 그렸는지 알려 주면 손실을 보여 줄 수 있습니다</translation>
    </message>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>네트워크가 보는 입력 (28×28)</translation>
    </message>
    <message>
        <source>Pen:</source>
        <translation>펜:</translation>
    </message>
    <message>
        <source>I meant:</source>
        <translation>그린 숫자:</translation>
    </message>
    <message>
        <source>This network takes {n} inputs, not 28×28 = 784: it cannot read a drawing.</source>
        <translation>이 네트워크의 입력은 28×28 = 784개가 아니라 {n}개라서 그림을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Showing a test image.&lt;br&gt;Draw to try your own digit.</source>
        <translation>시험 이미지를 보여 주는 중입니다.&lt;br&gt;직접 숫자를 그려 보세요.</translation>
    </message>
    <message>
        <source>The network's answer appears here as you draw.</source>
        <translation>그리는 동안 네트워크의 답이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>The network says&lt;br&gt;&lt;span style='font-size:22pt; font-weight:600'&gt;{0}&lt;/span&gt;&lt;br&gt;{1}% sure</source>
        <translation>네트워크의 답&lt;br&gt;&lt;span style='font-size:22pt; font-weight:600'&gt;{0}&lt;/span&gt;&lt;br&gt;확신도 {1}%</translation>
    </message>
</context>
<context>
    <name>EvaluateTab</name>
    <message>
        <source>&lt;b&gt;Accuracy per digit&lt;/b&gt; (share of each digit right)</source>
        <extracomment>the learner asked for every mistake by confusion cell (the window raises Results)</extracomment>
        <translation>&lt;b&gt;숫자별 정확도&lt;/b&gt; (각 숫자를 맞힌 비율)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Answer only when sure.&lt;/b&gt; The network answers only when the probability of its answer is at least the threshold:</source>
        <translation>&lt;b&gt;확실할 때만 답하기.&lt;/b&gt; 신경망이 고른 답의 확률이 기준값 이상일 때만 답합니다:</translation>
    </message>
    <message>
        <source>share of digits answered</source>
        <translation>답한 숫자의 비율</translation>
    </message>
    <message>
        <source>accuracy on those</source>
        <translation>답한 숫자의 정확도</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Every mistake, by the digit it is and the answer it got: &lt;a href='results'&gt;the Results tab&lt;/a&gt;.</source>
        <translation>모든 오답을 정답과 신경망의 답으로 나누어 보려면: &lt;a href='results'&gt;결과 탭&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>No test set that fits this network: nothing to evaluate.</source>
        <translation>이 신경망에 맞는 시험 데이터가 없어 평가할 수 없습니다.</translation>
    </message>
    <message>
        <source>The network on screen, on the {n:,} test images: {acc:.2%} right.</source>
        <translation>화면의 신경망은 시험 이미지 {n:,}장 중 {acc:.2%}를 맞혔습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n:,}&lt;/b&gt; mistakes made with {p:.0%} certainty or more (of {wrong:,} mistakes): a high probability is not always a right answer.</source>
        <translation>{p:.0%} 이상 확신하고도 틀린 답이 &lt;b&gt;{n:,}&lt;/b&gt;개입니다 (오답 {wrong:,}개 중). 확률이 높다고 늘 정답은 아닙니다.</translation>
    </message>
    <message>
        <source>At least {t:.0%} sure: it answers {share:.1%} of the digits and gets {acc:.2%} of those right (all digits: {all:.2%}).</source>
        <translation>{t:.0%} 이상 확신할 때만 답하면 숫자의 {share:.1%}에 답하고, 그중 {acc:.2%}를 맞힙니다 (전체 숫자: {all:.2%}).</translation>
    </message>
    <message>
        <source>said {p}
{c:.1%} sure
is {t}</source>
        <translation>{p}라고 답함
{c:.1%} 확신
정답 {t}</translation>
    </message>
    <message>
        <source>Test image #{i}: the network said {p} with probability {c:.1%}; it is {t}</source>
        <translation>시험 이미지 #{i}: 신경망은 확률 {c:.1%}로 {p}라고 답했지만 정답은 {t}입니다</translation>
    </message>
    <message>
        <source>No mistakes on the test set.</source>
        <translation>시험 데이터에서 틀린 답이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The mistakes it was surest of&lt;/b&gt; ({n} of {total:,}). Click one to follow it through the network.</source>
        <translation>&lt;b&gt;가장 확신하고 틀린 답&lt;/b&gt; ({total:,}개 중 {n}개). 하나를 클릭하면 신경망을 따라가 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>LabTab</name>
    <message>
        <source>Change a copy of the network and see what it still knows. The trained weights are kept: Reset brings them back.</source>
        <extracomment>the learner asked to save the changed network (a Network) as a new model file the lab changed (its changes or its original): accuracy and labels are current</extracomment>
        <translation>신경망의 복사본을 바꿔 보고 무엇을 여전히 아는지 확인하세요. 학습된 가중치는 그대로 남아 있으며, 초기화를 누르면 되돌아갑니다.</translation>
    </message>
    <message>
        <source>Every weight</source>
        <translation>모든 가중치</translation>
    </message>
    <message>
        <source>Prune the smallest</source>
        <translation>가장 작은 가중치 제거</translation>
    </message>
    <message>
        <source>Set this share of the weights, the smallest in size, to 0</source>
        <translation>크기가 가장 작은 가중치부터 이 비율만큼 0으로 만듭니다</translation>
    </message>
    <message>
        <source>Weight noise</source>
        <translation>가중치 잡음</translation>
    </message>
    <message>
        <source>Add random noise to every weight, its spread a share of that layer's own weights' spread</source>
        <translation>모든 가중치에 무작위 잡음을 더합니다. 잡음의 크기는 그 층 가중치의 표준편차에 대한 비율입니다</translation>
    </message>
    <message>
        <source>One hidden unit</source>
        <translation>은닉층의 뉴런 하나</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>Switch off (its outgoing weights set to 0)</source>
        <translation>끄기 (나가는 가중치를 0으로)</translation>
    </message>
    <message>
        <source>Scale its weights ×</source>
        <translation>들어오는 가중치 ×</translation>
    </message>
    <message>
        <source>Multiply the weights coming into this unit (its column of W) by this number</source>
        <translation>이 뉴런으로 들어오는 가중치(W의 한 열)에 이 수를 곱합니다</translation>
    </message>
    <message>
        <source>Shift its bias by</source>
        <translation>편향에 더할 값</translation>
    </message>
    <message>
        <source>Add this number to the unit's bias b: its sum a = x·W + b moves by as much</source>
        <translation>이 뉴런의 편향 b에 이 수를 더합니다. 합 a = x·W + b도 그만큼 움직입니다</translation>
    </message>
    <message>
        <source>Show the changed network in the window</source>
        <translation>바뀐 신경망을 창 전체에 보여 주기</translation>
    </message>
    <message>
        <source>The graph, the passes and the other tabs show the changed weights; the window counts them as unsaved changes</source>
        <translation>그래프, 순전파·역전파와 다른 탭이 바뀐 가중치를 보여 줍니다. 창은 이를 저장되지 않은 변경으로 여깁니다</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Save as new model…</source>
        <translation>새 모델로 저장…</translation>
    </message>
    <message>
        <source>hidden layer {l} ({n} units)</source>
        <translation>은닉층 {l} (뉴런 {n}개)</translation>
    </message>
    <message>
        <source>No test set that fits this network.</source>
        <translation>이 신경망에 맞는 시험 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>Test accuracy: {before:.2%} → &lt;span style='color:{c}'&gt;{after:.2%}&lt;/span&gt;</source>
        <translation>시험 정확도: {before:.2%} → &lt;span style='color:{c}'&gt;{after:.2%}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The network on screen changed: the lab starts again from it.</source>
        <translation>화면의 신경망이 바뀌어 실험실이 그 신경망에서 다시 시작합니다.</translation>
    </message>
    <message>
        <source>The window shows the changed network (not saved in any file).</source>
        <translation>창이 바뀐 신경망을 보여 주고 있습니다 (어느 파일에도 저장되지 않음).</translation>
    </message>
    <message>
        <source>No changes: the network as trained.</source>
        <translation>변경 없음: 학습된 그대로의 신경망입니다.</translation>
    </message>
    <message>
        <source>The window still shows the trained network.</source>
        <translation>창은 여전히 학습된 신경망을 보여 줍니다.</translation>
    </message>
    <message>
        <source>layer {l} unit {u} off</source>
        <translation>층 {l} 뉴런 {u} 끔</translation>
    </message>
    <message>
        <source>layer {l} unit {u} ×{f:g}</source>
        <translation>층 {l} 뉴런 {u} ×{f:g}</translation>
    </message>
    <message>
        <source>layer {l} unit {u} bias {d:+g}</source>
        <translation>층 {l} 뉴런 {u} 편향 {d:+g}</translation>
    </message>
    <message>
        <source>No unit changed.</source>
        <translation>바꾼 뉴런이 없습니다.</translation>
    </message>
    <message>
        <source>Changed: {list}</source>
        <translation>바꾼 것: {list}</translation>
    </message>
</context>
<context>
    <name>LearningPanel</name>
    <message>
        <source>Learning is finding the weights that make the loss E small: the slope dE/dw says which way each weight should move.</source>
        <translation>학습이란 손실 E를 작게 만드는 가중치를 찾는 것입니다. 기울기 dE/dw가 각 가중치를 어느 쪽으로 움직일지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <source>One step of learning on this digit</source>
        <translation>이 숫자로 학습 한 걸음</translation>
    </message>
    <message>
        <source>Take one step</source>
        <translation>한 걸음 학습</translation>
    </message>
    <message>
        <source>Move every weight and bias against its slope: W ← W - η · dE/dW</source>
        <translation>모든 가중치와 편향을 기울기의 반대 방향으로 움직입니다: W ← W - η · dE/dW</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Put back the weights from before the last step</source>
        <translation>마지막 걸음 전의 가중치로 되돌립니다</translation>
    </message>
    <message>
        <source>The loss as a function of one weight</source>
        <translation>가중치 하나에 대한 손실 함수</translation>
    </message>
    <message>
        <source>The weights whose slope dE/dw is largest for this digit</source>
        <translation>이 숫자에서 기울기 dE/dw가 가장 큰 가중치들</translation>
    </message>
    <message>
        <source>and a second weight:</source>
        <translation>두 번째 가중치도:</translation>
    </message>
    <message>
        <source>E over two weights as a map, and the path gradient descent takes on it</source>
        <translation>두 가중치에 대한 E를 지도로 보고, 그 위에서 경사 하강법이 가는 길을 봅니다</translation>
    </message>
    <message>
        <source>Cross-entropy or mean squared error?</source>
        <translation>교차 엔트로피와 평균 제곱 오차 비교</translation>
    </message>
    <message>
        <source>Check every slope numerically</source>
        <translation>모든 기울기를 수치로 확인</translation>
    </message>
    <message>
        <source>Compute dE/dw of every weight and bias by central differences (the book's chapter 4) and compare with backpropagation (chapter 5)</source>
        <translation>모든 가중치와 편향의 dE/dw를 중심 차분으로 계산하고(책의 4장) 오차역전파(5장)와 비교합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>the weight's value</source>
        <translation>가중치의 값</translation>
    </message>
    <message>
        <source>Computing every slope by central differences…</source>
        <translation>중심 차분으로 모든 기울기를 계산하는 중…</translation>
    </message>
    <message>
        <source>Central differences: {n:,} slopes from {e:,} evaluations of E in {t:.3g} s. Backpropagation: the same slopes from one backward pass in {b:.2g} ms. Largest relative difference: {d:.1e}.</source>
        <translation>중심 차분: E를 {e:,}번 계산해 기울기 {n:,}개를 {t:.3g}초에 구했습니다. 오차역전파: 같은 기울기를 역전파 한 번으로 {b:.2g}밀리초에 구했습니다. 가장 큰 상대 차이: {d:.1e}.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>The check failed: {m}</source>
        <translation>확인에 실패했습니다: {m}</translation>
    </message>
    <message>
        <source>This digit has no label (a drawing), so there is no loss: pick a test digit (N, P, R) to see how the network learns from it.</source>
        <translation>이 숫자는 레이블이 없어(직접 그린 숫자) 손실도 없습니다. 시험 숫자를 골라(N, P, R) 네트워크가 어떻게 배우는지 보세요.</translation>
    </message>
    <message>
        <source>This digit is a {t}: E = {e:.4f} ({loss}); the network gives the {t} a probability of {p:.1%}.</source>
        <translation>이 숫자는 {t}입니다: E = {e:.4f} ({loss}). 네트워크가 {t}에 준 확률은 {p:.1%}입니다.</translation>
    </message>
    <message>
        <source>Training is running: its steps move the weights.</source>
        <translation>학습이 진행 중입니다: 학습의 걸음이 가중치를 움직입니다.</translation>
    </message>
    <message>
        <source>Each step moves the weights a little, so that E for this digit falls.</source>
        <translation>한 걸음마다 가중치가 조금씩 움직여 이 숫자의 E가 줄어듭니다.</translation>
    </message>
    <message>
        <source>After one step with η = {lr:g}: E {e0:.4f} → &lt;b&gt;{e1:.4f}&lt;/b&gt;; the probability of the true class {p0:.1%} → &lt;b&gt;{p1:.1%}&lt;/b&gt;.</source>
        <translation>η = {lr:g}로 한 걸음 후: E {e0:.4f} → &lt;b&gt;{e1:.4f}&lt;/b&gt;, 정답 클래스의 확률 {p0:.1%} → &lt;b&gt;{p1:.1%}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Slope at w = {w}: backpropagation &lt;b&gt;{b}&lt;/b&gt;, central differences (E(w+h) - E(w-h)) / 2h &lt;b&gt;{n}&lt;/b&gt; (relative gap {d:.0e}).</source>
        <translation>w = {w}에서의 기울기: 역전파 &lt;b&gt;{b}&lt;/b&gt;, 중심 차분 (E(w+h) - E(w-h)) / 2h &lt;b&gt;{n}&lt;/b&gt; (상대 차이 {d:.0e}).</translation>
    </message>
    <message>
        <source>Choose a second weight, different from the first.</source>
        <translation>첫 번째와 다른 두 번째 가중치를 고르세요.</translation>
    </message>
    <message>
        <source>E over two weights (dark: small). The line: {n} steps of gradient descent in these two weights with η = {lr:g}, E {e0} → {e1}.</source>
        <translation>두 가중치에 대한 E (어두울수록 작음). 선: 이 두 가중치로 η = {lr:g}의 경사 하강법 {n}걸음, E {e0} → {e1}.</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>Right about this digit: both losses pass back little. Try a digit the network gets wrong.</source>
        <translation>이 숫자는 맞혔습니다: 두 손실 모두 기울기를 조금만 돌려보냅니다. 네트워크가 틀리는 숫자를 골라 보세요.</translation>
    </message>
    <message>
        <source>Wrong about this digit: cross-entropy passes back {r}× the gradient of MSE.</source>
        <translation>이 숫자는 틀렸습니다: 교차 엔트로피가 평균 제곱 오차의 {r}배의 기울기를 돌려보냅니다.</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Try this</source>
        <translation>해 보세요</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>{total}단계 중 {n}단계</translation>
    </message>
    <message>
        <source>The lesson could not be loaded</source>
        <translation>수업 자료를 불러올 수 없습니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>nnviz: a neural network, step by step</source>
        <translation>nnviz: 한 단계씩 보는 신경망</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Softmax and loss</source>
        <translation>소프트맥스와 손실</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>모델 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>모델 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;New random network</source>
        <translation>새 무작위 네트워크(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation>데이터셋 열기(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Export picture…</source>
        <translation>그림 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Forward &amp;pass</source>
        <translation>순전파(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Animate steps</source>
        <translation>단계 애니메이션(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Close the pinned formula of a node</source>
        <translation>고정해 둔 노드의 수식 창 닫기</translation>
    </message>
    <message>
        <source>&amp;About nnviz</source>
        <translation>nnviz 정보(&amp;A)</translation>
    </message>
    <message>
        <source>The model file could not be opened; the network shown stays.</source>
        <translation>모델 파일을 열 수 없습니다. 지금 보이는 네트워크는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>The model could not be saved.</source>
        <translation>모델을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>New network with random weights (seed {seed}): untrained, so its predictions are guesses</source>
        <translation>무작위 가중치의 새 네트워크 (시드 {seed}): 학습 전이라 예측은 추측일 뿐입니다</translation>
    </message>
    <message>
        <source>The dataset could not be opened.</source>
        <translation>데이터셋을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Opened dataset {name}</source>
        <translation>데이터셋 {name}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>{path}: cannot write the picture</source>
        <translation>{path}: 그림을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved picture {path}</source>
        <translation>그림을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>nnviz</source>
        <translation>nnviz</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>모델 (*.npz)</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>The network on screen has changes that are not saved.</source>
        <translation>화면의 네트워크에 저장하지 않은 변경이 있습니다.</translation>
    </message>
    <message>
        <source>It was trained here or changed by a step of learning. Save it before it is replaced?</source>
        <translation>여기서 학습했거나 학습 한 걸음으로 바뀐 네트워크입니다. 바꾸기 전에 저장할까요?</translation>
    </message>
    <message>
        <source>Open a directory with the four IDX files</source>
        <translation>IDX 파일 네 개가 든 폴더 열기</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Hover a node to see its formula with the numbers; click to pin it.</source>
        <translation>노드에 마우스를 올리면 실제 숫자가 들어간 식이 보입니다. 클릭하면 고정됩니다.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About nnviz</source>
        <translation>nnviz 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;nnviz&lt;/b&gt;: see a neural network compute and learn.&lt;br&gt;The network of “Deep Learning from Scratch”, chapters 3 and 4, stepped through with the real numbers.</source>
        <translation>&lt;b&gt;nnviz&lt;/b&gt;: 신경망이 계산하고 학습하는 모습을 봅니다.&lt;br&gt;「밑바닥부터 시작하는 딥러닝」 3장과 4장의 네트워크를 실제 숫자로 한 단계씩 따라갑니다.</translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <source>no dataset</source>
        <translation>데이터셋 없음</translation>
    </message>
    <message>
        <source>{name} · {sizes} · {act} · {data}</source>
        <translation>{name} · {sizes} · {act} · {data}</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <source>Each dot is a test digit, placed by what a hidden layer computes for it (its activations, squeezed to two dimensions); the colour is the digit it really is. Hover a dot to see it, click to send it through the network.</source>
        <extracomment>what the map shows: points (n, 2), row i being test digit indices[i], and how</extracomment>
        <translation>점 하나가 시험 숫자 하나입니다. 은닉층이 그 숫자에 대해 계산한 값(활성화 값을 2차원으로 줄인 것)에 따라 놓이고, 색은 실제 숫자를 뜻합니다. 점 위에 마우스를 올리면 숫자가 보이고, 클릭하면 신경망에 넣어 봅니다.</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>가중치:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Hover a dot to see its digit here.</source>
        <translation>점 위에 마우스를 올리면 여기에 그 숫자가 보입니다.</translation>
    </message>
    <message>
        <source>hidden layer {l} ({n} units)</source>
        <translation>은닉층 {l} (뉴런 {n}개)</translation>
    </message>
    <message>
        <source>The map could not be made: {error}</source>
        <translation>지도를 만들 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>No test set that fits this network.</source>
        <translation>이 신경망에 맞는 시험 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>This network has no hidden layer.</source>
        <translation>이 신경망에는 은닉층이 없습니다.</translation>
    </message>
    <message>
        <source>t-SNE of {n:,} digits: finding each digit's neighbours, then arranging them. The window stays usable.</source>
        <translation>숫자 {n:,}개의 t-SNE: 각 숫자의 이웃을 찾은 뒤 배치합니다. 그동안에도 창을 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>{method} map of hidden layer {l}, {n:,} test digits, with the weights before training.</source>
        <translation>학습 전 가중치로 그린 은닉층 {l}의 {method} 지도, 시험 숫자 {n:,}개.</translation>
    </message>
    <message>
        <source>{method} map of hidden layer {l}, {n:,} test digits.</source>
        <translation>은닉층 {l}의 {method} 지도, 시험 숫자 {n:,}개.</translation>
    </message>
    <message>
        <source>Test digit #{i}: a {t}. Click to send it through the network.</source>
        <translation>시험 숫자 #{i}: 정답 {t}. 클릭하면 신경망에 넣어 봅니다.</translation>
    </message>
    <message>
        <source>Test digit #{i}: a {t}; these weights answer {p}. Click to send it through the network.</source>
        <translation>시험 숫자 #{i}: 정답 {t}, 이 가중치의 답 {p}. 클릭하면 신경망에 넣어 봅니다.</translation>
    </message>
</context>
<context>
    <name>ProbesDock</name>
    <message>
        <source>Probes</source>
        <translation>탐구</translation>
    </message>
    <message>
        <source>Save the changed network as a new model</source>
        <translation>바뀐 신경망을 새 모델로 저장</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>모델 (*.npz)</translation>
    </message>
    <message>
        <source>The changed network was not saved.</source>
        <translation>바뀐 신경망을 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>Saved the changed network as {path}</source>
        <translation>바뀐 신경망을 {path}(으)로 저장했습니다</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Epoch {e} of {n}</source>
        <translation>에포크 {e} / {n}</translation>
    </message>
    <message>
        <source>step {s:,} of {t:,}</source>
        <translation>스텝 {s:,} / {t:,}</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>{r:,.0f} samples/s</source>
        <translation>초당 {r:,.0f}개 샘플</translation>
    </message>
    <message>
        <source>{t} left</source>
        <translation>{t} 남음</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Show all mistakes</source>
        <translation>틀린 것 모두 보기</translation>
    </message>
    <message>
        <source>No test set that fits this network: no results.</source>
        <translation>이 네트워크에 맞는 시험 데이터가 없어 결과가 없습니다.</translation>
    </message>
    <message>
        <source>The network on screen, on the {n:,} test images: {acc:.1%} right, {wrong:,} wrong. Rows: the true digit; columns: the network's answer.</source>
        <translation>화면의 네트워크, 시험 이미지 {n:,}개: {acc:.1%} 정답, {wrong:,}개 오답. 행: 실제 숫자, 열: 네트워크의 답.</translation>
    </message>
    <message>
        <source>said {p}
is {t}</source>
        <translation>답 {p}
정답 {t}</translation>
    </message>
    <message>
        <source>Test image #{i}: the network said {p}, the label is {t}</source>
        <translation>시험 이미지 #{i}: 네트워크의 답은 {p}, 정답은 {t}</translation>
    </message>
    <message>
        <source>{t}s taken for {p}</source>
        <translation>{p}(으)로 본 {t}</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>오답</translation>
    </message>
    <message>
        <source>No {what} on the test set.</source>
        <translation>시험 데이터에 {what}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>First {n} of {total:,} {what}. Click one to follow it through the network.</source>
        <translation>{what} {total:,}개 중 처음 {n}개. 하나를 클릭하면 네트워크를 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{total:,} {what}. Click one to follow it through the network.</source>
        <translation>{what} {total:,}개. 하나를 클릭하면 네트워크를 따라가 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>RobustnessTab</name>
    <message>
        <source>Corrupt all the test digits the same way, more and more strongly, and see how the network's accuracy falls.</source>
        <extracomment>the network's answers for the examples shown (EXAMPLES,)</extracomment>
        <translation>모든 시험 숫자를 같은 방식으로 점점 더 세게 망가뜨리며 신경망의 정확도가 어떻게 떨어지는지 봅니다.</translation>
    </message>
    <message>
        <source>Compute curve</source>
        <translation>곡선 계산</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>세기</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>시험 정확도</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>세기</translation>
    </message>
    <message>
        <source>The corruptions work on 28×28 digits; these images have {n} pixels.</source>
        <translation>망가뜨리기는 28×28 숫자 이미지에만 쓸 수 있습니다. 이 이미지는 픽셀이 {n}개입니다.</translation>
    </message>
    <message>
        <source>The curve could not be computed: {error}</source>
        <translation>곡선을 계산할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>No test set that fits this network.</source>
        <translation>이 신경망에 맞는 시험 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>Corrupting and scoring the {n:,} test digits at 10 strengths…</source>
        <translation>시험 숫자 {n:,}개를 10가지 세기로 망가뜨려 채점하는 중…</translation>
    </message>
    <message>
        <source>Accuracy {first:.1%} without corruption, {last:.1%} at the strongest.</source>
        <translation>정확도: 망가뜨리지 않았을 때 {first:.1%}, 가장 셀 때 {last:.1%}.</translation>
    </message>
    <message>
        <source>The network changed: press Compute curve for its curve.</source>
        <translation>신경망이 바뀌었습니다. 곡선 계산을 눌러 새 곡선을 구하세요.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>Press Compute curve: the whole test set at 10 strengths takes seconds.</source>
        <translation>곡선 계산을 누르세요. 시험 데이터 전체를 10가지 세기로 계산하는 데 몇 초 걸립니다.</translation>
    </message>
    <message>
        <source>said {p}</source>
        <translation>{p}라고 답함</translation>
    </message>
</context>
<context>
    <name>SoftmaxView</name>
    <message>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <source>Divide the logits by T before the softmax: T &lt; 1 sharpens the probabilities, T &gt; 1 flattens them. T = 1 is the network's own output.</source>
        <translation>소프트맥스 전에 로짓을 T로 나눕니다: T &lt; 1이면 확률이 뾰족해지고, T &gt; 1이면 평평해집니다. T = 1이 네트워크 본래의 출력입니다.</translation>
    </message>
    <message>
        <source>Subtracting the max keeps exp from overflowing and does not change y; the probabilities add up to 1. Hover over a bar to read its numbers.</source>
        <translation>최댓값을 빼면 exp가 넘치지 않고 y는 변하지 않습니다. 확률의 합은 1입니다. 막대에 마우스를 올리면 숫자를 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>① logits a&lt;sub&gt;k&lt;/sub&gt; / T</source>
        <translation>① 로짓 a&lt;sub&gt;k&lt;/sub&gt; / T</translation>
    </message>
    <message>
        <source>② exp(a&lt;sub&gt;k&lt;/sub&gt;/T − max)</source>
        <translation>② exp(a&lt;sub&gt;k&lt;/sub&gt;/T − max)</translation>
    </message>
    <message>
        <source>③ probabilities y&lt;sub&gt;k&lt;/sub&gt; = exp(…) / Σ exp(…)</source>
        <translation>③ 확률 y&lt;sub&gt;k&lt;/sub&gt; = exp(…) / Σ exp(…)</translation>
    </message>
    <message>
        <source>Loss against p = y&lt;sub&gt;true&lt;/sub&gt;</source>
        <translation>정답 클래스의 확률 p = y&lt;sub&gt;정답&lt;/sub&gt;에 따른 손실</translation>
    </message>
    <message>
        <source>p, the probability of the true class</source>
        <translation>p, 정답 클래스의 확률</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>cross-entropy  −log p</source>
        <translation>교차 엔트로피  −log p</translation>
    </message>
    <message>
        <source>mean squared error  ½ Σ (y&lt;sub&gt;k&lt;/sub&gt; − t&lt;sub&gt;k&lt;/sub&gt;)&lt;sup&gt;2&lt;/sup&gt;</source>
        <translation>평균 제곱 오차  ½ Σ (y&lt;sub&gt;k&lt;/sub&gt; − t&lt;sub&gt;k&lt;/sub&gt;)&lt;sup&gt;2&lt;/sup&gt;</translation>
    </message>
    <message>
        <source>MSE when the other 1 − p is not spread evenly</source>
        <translation>나머지 1 − p가 고르게 나뉘지 않을 때의 평균 제곱 오차</translation>
    </message>
    <message>
        <source>T = {0}</source>
        <translation>T = {0}</translation>
    </message>
    <message>
        <source> (the network's)</source>
        <translation> (네트워크 본래 값)</translation>
    </message>
    <message>
        <source>Test image #{0}</source>
        <translation>시험 이미지 #{0}</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>직접 그린 숫자</translation>
    </message>
    <message>
        <source>true class &lt;b style='color:{c}'&gt;{n}&lt;/b&gt;</source>
        <translation>정답 클래스 &lt;b style='color:{c}'&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>true class not given</source>
        <translation>정답 클래스 없음</translation>
    </message>
    <message>
        <source>{where}: {truth}; the network says &lt;b&gt;{guess}&lt;/b&gt; ({p}%)</source>
        <translation>{where}: {truth}, 네트워크의 답 &lt;b&gt;{guess}&lt;/b&gt; ({p}%)</translation>
    </message>
    <message>
        <source>No true class for this input, so no loss. On the drawing pad, say which digit you meant.</source>
        <translation>이 입력에는 정답 클래스가 없어서 손실도 없습니다. 그림판에서 어떤 숫자를 그렸는지 알려 주세요.</translation>
    </message>
    <message>
        <source>This sample: p = {p}, &lt;span style='color:{c1}'&gt;cross-entropy {ce}&lt;/span&gt;, &lt;span style='color:{c2}'&gt;MSE {mse}&lt;/span&gt;. A confident mistake (p near 0) costs up to ~16 in cross-entropy but at most 1 in MSE.</source>
        <translation>이 샘플: p = {p}, &lt;span style='color:{c1}'&gt;교차 엔트로피 {ce}&lt;/span&gt;, &lt;span style='color:{c2}'&gt;평균 제곱 오차 {mse}&lt;/span&gt;. 확신에 찬 오답(p가 0에 가까움)은 교차 엔트로피로는 약 16까지 벌점을 받지만 평균 제곱 오차로는 많아야 1입니다.</translation>
    </message>
    <message>
        <source>class &lt;b&gt;{name}&lt;/b&gt;: a/T = {a}, exp = {e}, y = {y} &amp;nbsp; (Σ exp = {s})</source>
        <translation>클래스 &lt;b&gt;{name}&lt;/b&gt;: a/T = {a}, exp = {e}, y = {y} &amp;nbsp; (Σ exp = {s})</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Step:</source>
        <translation>스텝:</translation>
    </message>
    <message>
        <source>Drag back through the run: the whole window shows the network as it was</source>
        <translation>실행을 거슬러 끌어 보세요: 창 전체가 그때의 네트워크를 보여 줍니다</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>최신</translation>
    </message>
    <message>
        <source>Back to the newest weights</source>
        <translation>가장 최근의 가중치로 돌아갑니다</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>아직 실행 없음</translation>
    </message>
    <message>
        <source>the latest ({n:,} steps)</source>
        <translation>최신 ({n:,} 스텝)</translation>
    </message>
    <message>
        <source>step {s:,} of {n:,} (epoch {e:.2f})</source>
        <translation>{n:,} 스텝 중 {s:,} (에포크 {e:.2f})</translation>
    </message>
</context>
<context>
    <name>TrainingDocks</name>
    <message>
        <source>Learning</source>
        <translation>학습 과정</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Train a new network with these settings</source>
        <translation>이 설정으로 새 네트워크를 학습합니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>Train on one batch, then pause</source>
        <translation>배치 하나만 학습하고 멈춥니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>End the run, keeping the weights learnt so far</source>
        <translation>지금까지 학습한 가중치를 유지하고 학습을 끝냅니다</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Same initial weights</source>
        <translation>같은 초기 가중치</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>The network is untrained again: the initial weights of seed {seed}, which the next Start begins from. Another seed gives other random weights.</source>
        <translation>네트워크가 다시 학습 전 상태입니다: 시드 {seed}의 초기 가중치이며, 다음 시작은 여기서 출발합니다. 다른 시드를 쓰면 다른 무작위 가중치가 됩니다.</translation>
    </message>
    <message>
        <source>Training diverged at step {step}: each step changed the weights so much that the loss grew instead of shrinking. The learning rate {lr:g} is too large for {opt}: try a tenth of it ({lr10:g}). The last good weights were kept.</source>
        <translation>{step} 스텝에서 학습이 발산했습니다: 스텝마다 가중치가 너무 크게 바뀌어서 손실이 줄지 않고 커졌습니다. 학습률 {lr:g}은(는) {opt}에 너무 큽니다: 10분의 1({lr10:g})을 써 보세요. 마지막으로 정상이던 가중치를 유지했습니다.</translation>
    </message>
    <message>
        <source>Paused after {n:,} steps: press Step for one more batch, or Resume.</source>
        <translation>{n:,} 스텝 후 일시정지: 배치 하나를 더 하려면 한 스텝을, 이어 가려면 계속을 누르세요.</translation>
    </message>
    <message>
        <source>Put the untrained network of the seed in the settings back: the initial weights the next Start begins from</source>
        <translation>설정의 시드로 만든 학습 전 네트워크로 되돌립니다: 다음 시작이 출발하는 초기 가중치입니다</translation>
    </message>
    <message>
        <source>Keep the seed, so the next run starts from exactly the same weights and replays identically (change one setting to compare). Unticked, each new Start takes the next seed and says so.</source>
        <translation>시드를 그대로 두어 다음 실행이 똑같은 가중치에서 출발해 똑같이 재현됩니다 (설정 하나만 바꿔 비교해 보세요). 끄면 새로 시작할 때마다 다음 시드를 쓰고, 그렇다고 알려 줍니다.</translation>
    </message>
    <message>
        <source>New initial weights for this run: seed {new} (the last run started from seed {last}; tick Same initial weights to keep one seed).</source>
        <translation>이번 실행은 새 초기 가중치에서 출발합니다: 시드 {new} (지난 실행은 시드 {last}에서 출발했습니다. 같은 시드를 유지하려면 '같은 초기 가중치'를 켜세요).</translation>
    </message>
    <message>
        <source>Back to seed {last}</source>
        <translation>시드 {last}로 되돌리기</translation>
    </message>
    <message>
        <source>Put seed {last} back in the settings: the next run starts as that one did</source>
        <translation>설정의 시드를 {last}(으)로 되돌립니다: 다음 실행이 그 실행과 같은 가중치에서 출발합니다</translation>
    </message>
    <message>
        <source>Stopped after {n:,} steps.</source>
        <translation>{n:,} 스텝 후 중지했습니다.</translation>
    </message>
    <message>
        <source>Finished in {t}.</source>
        <translation>{t} 만에 끝났습니다.</translation>
    </message>
    <message>
        <source>Test accuracy {a:.1%}.</source>
        <translation>시험 정확도 {a:.1%}.</translation>
    </message>
    <message>
        <source>Training failed: {m}</source>
        <translation>학습 실패: {m}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Out of memory: try smaller hidden layers or a smaller batch size.</source>
        <translation>메모리가 부족합니다: 은닉층이나 배치 크기를 줄여 보세요.</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>The inputs ({n}) are not a square image.</source>
        <translation>입력({n}개)이 정사각형 이미지가 아닙니다.</translation>
    </message>
    <message>
        <source>Incoming weights of each first-layer unit: red where ink pushes it up, blue where ink pushes it down.</source>
        <translation>첫 번째 층 각 뉴런으로 들어오는 가중치: 빨강은 잉크가 값을 올리는 곳, 파랑은 내리는 곳입니다.</translation>
    </message>
    <message>
        <source>({k} tiles per unit: one per Maxout piece.)</source>
        <translation>(뉴런마다 타일 {k}개: Maxout 조각마다 하나씩.)</translation>
    </message>
    <message>
        <source>Showing {m} of {n}.</source>
        <translation>{n}개 중 {m}개를 표시합니다.</translation>
    </message>
</context>
</TS>
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
        <source>A number from {lo} to {hi}</source>
        <translation>{lo}부터 {hi}까지의 수</translation>
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
        <source>Weight scale</source>
        <translation>가중치 배율</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>L2 decay</source>
        <translation>L2 감쇠</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
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
        <source>LR schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Factor on the initial weights: try 0.1 with sigmoid and watch the signal fade layer after layer, or 10 and watch the units saturate</source>
        <translation>초기 가중치에 곱하는 배율입니다. 시그모이드에서 0.1로 해 보면 신호가 층을 지날 때마다 약해지고, 10으로 해 보면 뉴런이 포화되는 것을 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Momentum optimizer only: the share of the last step each step keeps (0.9). Can be changed while training.</source>
        <translation>모멘텀 옵티마이저 전용: 매 스텝이 직전 스텝을 얼마나 이어받는지 나타냅니다(0.9). 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Step size of each weight update. Can be changed while training.</source>
        <translation>가중치를 한 번 갱신할 때의 보폭입니다. 학습 중에도 바꿀 수 있습니다.</translation>
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
        <source>Regularisation</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>Weight decay λ: adds (λ/2)·Σw² to the loss, pulling every weight towards 0 (try 0.0001 against overfitting). Can be changed while training.</source>
        <translation>가중치 감쇠 λ: 손실 함수에 (λ/2)·Σw²를 더해 모든 가중치를 0 쪽으로 당깁니다(과대적합에는 0.0001을 시도해 보세요). 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Share of hidden units switched off at random at each step (try 0.2), so no unit can rely on another. Can be changed while training.</source>
        <translation>매 스텝 무작위로 꺼 두는 은닉층 뉴런의 비율입니다(0.2를 시도해 보세요). 그래서 어떤 뉴런도 다른 뉴런에 기댈 수 없습니다. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>shift, turn, add noise</source>
        <translation>이동, 회전, 잡음 추가</translation>
    </message>
    <message>
        <source>Show the network each training digit slightly moved, turned and noisy, a little differently every time: more variety from the same data</source>
        <translation>훈련 숫자를 매번 조금씩 다르게 옮기고 돌리고 잡음을 섞어 보여 줍니다. 같은 데이터로 더 다양한 예를 얻습니다</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>검증 데이터 비율</translation>
    </message>
    <message>
        <source>Share of the training images held out and never trained on: their loss shows overfitting. The test set is never used to choose anything.</source>
        <translation>훈련 이미지 중 따로 떼어 두고 학습에 쓰지 않는 비율입니다. 이 데이터의 손실로 과대적합을 알아봅니다. 시험 데이터는 어떤 선택에도 쓰지 않습니다.</translation>
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
        <extracomment>the coach's settings: a preset leaves them as they are (it is a recipe for the network and its optimizer; these are what the learner tries on top of it)</extracomment>
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
        <source>training sample #{i}</source>
        <translation>훈련 샘플 #{i}</translation>
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
        <source>Landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
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
    <message>
        <source>The loss exploded at step {step} (loss {loss}, its best was {best}): the learning rate {lr} is too large. Try {new_lr}.</source>
        <translation>{step} 스텝에서 손실이 폭발했습니다(손실 {loss}, 가장 낮았을 때 {best}). 학습률 {lr}이(가) 너무 큽니다. {new_lr}(으)로 해 보세요.</translation>
    </message>
    <message>
        <source>A step that is too large overshoots the valley of the loss and lands higher up the other side, where the slope is steeper, so the next step is larger still: the loss grows without end. A learning rate ten times smaller takes steps the slope can guide.</source>
        <translation>보폭이 너무 크면 손실의 골짜기를 지나쳐 반대편 더 높은 곳, 기울기가 더 가파른 곳에 떨어집니다. 그러면 다음 보폭은 더 커지고 손실은 끝없이 커집니다. 학습률을 10분의 1로 줄이면 기울기가 이끄는 대로 내려갈 수 있습니다.</translation>
    </message>
    <message>
        <source>After {steps} steps the training loss has hardly moved ({first} to {now}): the learning rate {lr} is probably too small. Try {new_lr}.</source>
        <translation>{steps} 스텝이 지나도록 훈련 손실이 거의 줄지 않았습니다({first}에서 {now}). 학습률 {lr}이(가) 너무 작은 것 같습니다. {new_lr}(으)로 해 보세요.</translation>
    </message>
    <message>
        <source>Each step moves the weights by the learning rate times the slope. When the rate is tiny, the weights creep and the loss stays where it started. Ten times larger is still safe for most networks; if the loss then explodes, step back.</source>
        <translation>매 스텝 가중치는 학습률 × 기울기만큼 움직입니다. 학습률이 아주 작으면 가중치가 기어가듯 움직여 손실이 처음 자리에 머뭅니다. 10배로 키워도 대부분의 신경망에서는 안전합니다. 그래도 손실이 폭발하면 다시 줄이세요.</translation>
    </message>
    <message>
        <source>{share} of the units of hidden layer {layer} never fire on the training digits (ReLU gives 0 for every one): they are dead and no longer learn. Try a smaller learning rate ({new_lr}).</source>
        <translation>은닉층 {layer}의 뉴런 중 {share}가 어떤 훈련 숫자에도 활성화되지 않습니다(모든 숫자에서 ReLU가 0). 죽은 뉴런이 되어 더는 학습하지 않습니다. 더 작은 학습률({new_lr})을 시도해 보세요.</translation>
    </message>
    <message>
        <source>A ReLU unit whose input is negative for every digit outputs 0 and has slope 0, so no gradient reaches its weights and it never comes back. A large first step often pushes units there. A smaller learning rate, or He initialisation, keeps them alive.</source>
        <translation>모든 숫자에서 입력이 음수인 ReLU 뉴런은 0을 출력하고 기울기도 0이라서, 가중치에 기울기가 전혀 전달되지 않고 다시 살아나지 못합니다. 처음의 큰 보폭이 뉴런을 그렇게 밀어 넣는 경우가 많습니다. 더 작은 학습률이나 He 초기화가 뉴런을 살려 둡니다.</translation>
    </message>
    <message>
        <source>{share} of the units of hidden layer {layer} never fire on the training digits (ReLU gives 0 for every one): they are dead and no longer learn. Try a smaller learning rate ({new_lr}) and He initialisation.</source>
        <translation>은닉층 {layer}의 뉴런 중 {share}가 어떤 훈련 숫자에도 활성화되지 않습니다(모든 숫자에서 ReLU가 0). 죽은 뉴런이 되어 더는 학습하지 않습니다. 더 작은 학습률({new_lr})과 He 초기화를 시도해 보세요.</translation>
    </message>
    <message>
        <source>{share} of the values of hidden layer {layer} sit where {activation} is flat (h' &lt; 0.1): they pass back less than a tenth of their gradient, so the layers below learn slowly. Try smaller initial weights (scale {new_scale}).</source>
        <translation>은닉층 {layer}의 값 중 {share}가 {activation}의 평평한 구간(h' &lt; 0.1)에 있습니다. 기울기를 10분의 1도 전하지 못하므로 아래층들이 느리게 학습합니다. 더 작은 초기 가중치(배율 {new_scale})를 시도해 보세요.</translation>
    </message>
    <message>
        <source>Sigmoid and tanh flatten out for large inputs: there h'(a) is close to 0, and backpropagation multiplies the gradient by h'(a) at every layer, so it fades. Smaller weights keep the inputs a near 0, where the curve is steep.</source>
        <translation>시그모이드와 tanh는 입력이 크면 평평해집니다. 그곳에서는 h'(a)가 0에 가깝고, 역전파는 층마다 기울기에 h'(a)를 곱하므로 기울기가 사라져 갑니다. 가중치가 작으면 입력 a가 곡선이 가파른 0 근처에 머뭅니다.</translation>
    </message>
    <message>
        <source>{share} of the values of hidden layer {layer} sit where {activation} is flat (h' &lt; 0.1): they pass back less than a tenth of their gradient, so the layers below learn slowly. Try ReLU with He initialisation.</source>
        <translation>은닉층 {layer}의 값 중 {share}가 {activation}의 평평한 구간(h' &lt; 0.1)에 있습니다. 기울기를 10분의 1도 전하지 못하므로 아래층들이 느리게 학습합니다. He 초기화와 함께 ReLU를 시도해 보세요.</translation>
    </message>
    <message>
        <source>Sigmoid and tanh flatten out for large inputs: there h'(a) is close to 0, and backpropagation multiplies the gradient by h'(a) at every layer, so it fades. ReLU has slope 1 for every positive input and does not saturate.</source>
        <translation>시그모이드와 tanh는 입력이 크면 평평해집니다. 그곳에서는 h'(a)가 0에 가깝고, 역전파는 층마다 기울기에 h'(a)를 곱하므로 기울기가 사라져 갑니다. ReLU는 양수 입력에서 기울기가 늘 1이라 포화되지 않습니다.</translation>
    </message>
    <message>
        <source>The validation loss has risen for {count} evaluations in a row ({best} at step {best_step}, now {now}) while the training loss keeps falling: the network is learning the training digits by heart. Try L2 weight decay {value}, or stop at step {best_step}.</source>
        <translation>훈련 손실은 계속 줄어드는데 검증 손실이 {count}번 연속으로 올랐습니다({best_step} 스텝에서 {best}, 지금 {now}). 신경망이 훈련 숫자를 통째로 외우고 있습니다. L2 가중치 감쇠 {value}을(를) 시도하거나 {best_step} 스텝에서 멈추세요.</translation>
    </message>
    <message>
        <source>The validation digits are held out of training, so they show how the network does on digits it has not seen. When only the training loss still falls, the network fits quirks of its training digits. L2 weight decay keeps weights small and dropout keeps units from relying on each other; both help the network generalise.</source>
        <translation>검증 숫자는 학습에서 떼어 두었으므로, 신경망이 처음 보는 숫자를 얼마나 잘 다루는지 보여 줍니다. 훈련 손실만 계속 줄어든다면 신경망이 훈련 숫자의 사소한 특징까지 맞추고 있는 것입니다. L2 가중치 감쇠는 가중치를 작게 유지하고, 드롭아웃은 뉴런끼리 서로 기대지 못하게 합니다. 둘 다 일반화를 돕습니다.</translation>
    </message>
    <message>
        <source>The validation loss has risen for {count} evaluations in a row ({best} at step {best_step}, now {now}) while the training loss keeps falling: the network is learning the training digits by heart. Try dropout {value}, or stop at step {best_step}.</source>
        <translation>훈련 손실은 계속 줄어드는데 검증 손실이 {count}번 연속으로 올랐습니다({best_step} 스텝에서 {best}, 지금 {now}). 신경망이 훈련 숫자를 통째로 외우고 있습니다. 드롭아웃 {value}을(를) 시도하거나 {best_step} 스텝에서 멈추세요.</translation>
    </message>
    <message>
        <source>The training loss has stayed near {loss} for the last {steps} steps (it changed {change}). Try a smaller learning rate ({new_lr}) to settle further down.</source>
        <translation>최근 {steps} 스텝 동안 훈련 손실이 {loss} 근처에 머물러 있습니다(변화 {change}). 더 아래로 내려가도록 더 작은 학습률({new_lr})을 시도해 보세요.</translation>
    </message>
    <message>
        <source>On a plateau the steps no longer lower the loss: often they jump back and forth across a narrow valley. Smaller steps can go down into it; if nothing changes, the network may be too small for the task.</source>
        <translation>정체 구간에서는 스텝을 밟아도 손실이 더 내려가지 않습니다. 좁은 골짜기를 사이에 두고 이리저리 건너뛰는 경우가 많습니다. 보폭을 줄이면 골짜기 안으로 내려갈 수 있습니다. 그래도 변화가 없다면 문제에 비해 신경망이 너무 작을 수 있습니다.</translation>
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
    <name>AugmentPreview</name>
    <message>
        <source>Other random shifts, turns and noise</source>
        <translation>다른 무작위 이동, 회전, 잡음</translation>
    </message>
    <message>
        <source>What training sees with augmentation: the digit on screen, each time moved by up to 2 pixels, turned by up to 12 degrees and with pixel noise</source>
        <translation>데이터 증강을 켰을 때 학습이 보는 모습: 화면의 숫자를 매번 최대 2픽셀 옮기고, 최대 12도 돌리고, 픽셀 잡음을 더한 것</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Run A</source>
        <translation>실행 A</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>실행 B</translation>
    </message>
    <message>
        <source>Add a run file…</source>
        <translation>실행 기록 파일 추가…</translation>
    </message>
    <message>
        <source>Compare with a run saved earlier (File &gt; Save run, or nnviz train --record)</source>
        <translation>전에 저장한 실행과 비교합니다 (파일 &gt; 실행 기록 저장, 또는 nnviz train --record)</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>스텝:</translation>
    </message>
    <message>
        <source>The step both runs are shown at</source>
        <translation>두 실행을 보여 줄 스텝</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>run {n}</source>
        <translation>실행 {n}</translation>
    </message>
    <message>
        <source>{act}, {loss}, lr {lr:g}, batch {batch}, seed {seed}</source>
        <translation>{act}, {loss}, 학습률 {lr:g}, 배치 크기 {batch}, 시드 {seed}</translation>
    </message>
    <message>
        <source>(status: {s})</source>
        <translation>(상태: {s})</translation>
    </message>
    <message>
        <source>The run file could not be added.</source>
        <translation>실행 기록 파일을 추가할 수 없습니다.</translation>
    </message>
    <message>
        <source>Add a run file</source>
        <translation>실행 기록 파일 추가</translation>
    </message>
    <message>
        <source>Run records (*.npz)</source>
        <translation>실행 기록 (*.npz)</translation>
    </message>
    <message>
        <source>Compare needs two runs: train another one (earlier runs stay on the curves) or add a run file. Tick &lt;i&gt;Same initial weights&lt;/i&gt; in Training so that only the settings differ.</source>
        <translation>비교하려면 실행이 두 개 필요합니다: 한 번 더 학습하거나(이전 실행은 곡선에 남습니다) 실행 기록 파일을 추가하세요. 설정만 다르게 하려면 학습 패널에서 &lt;i&gt;같은 초기 가중치&lt;/i&gt;를 체크하세요.</translation>
    </message>
    <message>
        <source>Choose two different runs.</source>
        <translation>서로 다른 두 실행을 고르세요.</translation>
    </message>
    <message>
        <source>A run chosen has no weights yet: it has just started.</source>
        <translation>고른 실행에 아직 가중치가 없습니다: 막 시작했습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Same initial weights&lt;/b&gt;: only the settings make the difference.</source>
        <translation>&lt;b&gt;같은 초기 가중치&lt;/b&gt;: 차이는 오직 설정에서 나옵니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Different initial weights&lt;/b&gt;: part of any difference is the luck of the random start (tick &lt;i&gt;Same initial weights&lt;/i&gt; in Training for a fair test).</source>
        <translation>&lt;b&gt;다른 초기 가중치&lt;/b&gt;: 차이의 일부는 무작위 시작의 운입니다 (공정하게 비교하려면 학습 패널에서 &lt;i&gt;같은 초기 가중치&lt;/i&gt;를 체크하세요).</translation>
    </message>
    <message>
        <source>Whether the initial weights were the same is not known.</source>
        <translation>초기 가중치가 같았는지는 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Settings that differ: {names}.</source>
        <translation>다른 설정: {names}.</translation>
    </message>
    <message>
        <source>The settings are the same.</source>
        <translation>설정은 같습니다.</translation>
    </message>
    <message>
        <source>step {s:,}: A at its kept step {a:,}, B at {b:,}</source>
        <translation>스텝 {s:,}: A는 저장된 스텝 {a:,}, B는 {b:,}</translation>
    </message>
    <message>
        <source>accuracy %: training ━, test ●</source>
        <translation>정확도 %: 학습 ━, 테스트 ●</translation>
    </message>
    <message>
        <source>answer % for this digit (a {t})</source>
        <translation>이 숫자({t})에 대한 답 %</translation>
    </message>
    <message>
        <source>answer % for this digit</source>
        <translation>이 숫자에 대한 답 %</translation>
    </message>
    <message>
        <source>test accuracy % per class</source>
        <translation>클래스별 테스트 정확도 %</translation>
    </message>
    <message>
        <source>no test-set evaluation yet ({runs})</source>
        <translation>아직 테스트 평가 없음 ({runs})</translation>
    </message>
    <message>
        <source>{run}: weights W1</source>
        <translation>{run}: 가중치 W1</translation>
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
        <source>validation</source>
        <translation>검증</translation>
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
        <source>lr</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>{name} {old} → {new} at step {step:,}</source>
        <translation>{step:,} 스텝에서 {name} {old} → {new}</translation>
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
    <name>DataPanel</name>
    <message>
        <source>Every image comes with its label, the right answer. Each row holds examples of one class. Click a digit to send it through the network.</source>
        <translation>모든 이미지에는 정답인 레이블이 붙어 있습니다. 한 줄에 한 클래스의 예시가 모여 있어요. 숫자를 클릭하면 그 숫자가 네트워크를 통과합니다.</translation>
    </message>
    <message>
        <source>Examples from</source>
        <translation>예시:</translation>
    </message>
    <message>
        <source>the training set</source>
        <translation>훈련 데이터</translation>
    </message>
    <message>
        <source>the test set</source>
        <translation>시험 데이터</translation>
    </message>
    <message>
        <source>label: examples</source>
        <translation>레이블: 예시</translation>
    </message>
    <message>
        <source>training · test</source>
        <translation>훈련 · 시험</translation>
    </message>
    <message>
        <source>total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>No dataset is open.</source>
        <translation>열린 데이터 세트가 없습니다.</translation>
    </message>
    <message>
        <source>Reading the dataset…</source>
        <translation>데이터 세트를 읽는 중…</translation>
    </message>
    <message>
        <source>The examples cannot be shown: {problem}</source>
        <translation>예시를 보여 줄 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Training digit #{i}, label &lt;b&gt;{label}&lt;/b&gt;: click to show it</source>
        <translation>훈련 숫자 #{i}, 레이블 &lt;b&gt;{label}&lt;/b&gt;: 클릭하면 네트워크에 넣어 봅니다</translation>
    </message>
    <message>
        <source>Test digit #{i}, label &lt;b&gt;{label}&lt;/b&gt;: click to show it</source>
        <translation>시험 숫자 #{i}, 레이블 &lt;b&gt;{label}&lt;/b&gt;: 클릭하면 네트워크에 넣어 봅니다</translation>
    </message>
    <message>
        <source>Shown now: training digit #{i}, label &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>지금 보이는 숫자: 훈련 숫자 #{i}, 레이블 &lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Shown now: test digit #{i}, label &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>지금 보이는 숫자: 시험 숫자 #{i}, 레이블 &lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Shown now: your drawing (no label)</source>
        <translation>지금 보이는 숫자: 직접 그린 숫자 (레이블 없음)</translation>
    </message>
    <message>
        <source>as the network learns it, one-hot: t = ({t})</source>
        <translation>네트워크가 배우는 형태, 원-핫: t = ({t})</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPlots</name>
    <message>
        <source>gradient RMS</source>
        <translation>기울기 RMS</translation>
    </message>
    <message>
        <source>update ÷ weight</source>
        <translation>갱신량 ÷ 가중치</translation>
    </message>
    <message>
        <source>inactive —, saturated ‑‑</source>
        <translation>비활성 —, 포화 ‑‑</translation>
    </message>
    <message>
        <source>weights: start, now</source>
        <translation>가중치: 처음, 지금</translation>
    </message>
    <message>
        <source>How large dE/dW is in each layer (root mean square, log scale): a layer whose gradient is far smaller than the others learns slowly (vanishing gradient)</source>
        <translation>층마다 dE/dW의 크기(제곱평균제곱근, 로그 눈금)입니다. 기울기가 다른 층보다 훨씬 작은 층은 느리게 학습합니다(기울기 소실)</translation>
    </message>
    <message>
        <source>How much each step changes a layer's weights, relative to their size (log scale): around 0.001 is healthy; 0.1 or more is too fast, 0.00001 too slow</source>
        <translation>한 스텝이 층의 가중치를 가중치 크기에 비해 얼마나 바꾸는지(로그 눈금)입니다. 0.001 근처가 건강하고, 0.1 이상은 너무 빠르며, 0.00001은 너무 느립니다</translation>
    </message>
    <message>
        <source>Solid: the share of a hidden layer's ReLU units that output 0 for every training digit (dead). Dashed: the share of sigmoid or tanh values where the slope h' is below 0.1 (saturated). Measured at each test.</source>
        <translation>실선: 모든 훈련 숫자에서 0을 출력하는(죽은) 은닉층 ReLU 뉴런의 비율. 점선: 기울기 h'가 0.1보다 작은(포화된) 시그모이드·tanh 값의 비율. 평가할 때마다 잽니다.</translation>
    </message>
    <message>
        <source>The chosen layer's weights: grey at the start, blue at the step shown. Learning spreads them out; a narrow peak that stays put means little learning.</source>
        <translation>고른 층의 가중치: 회색은 처음, 파란색은 보고 있는 스텝입니다. 학습하면 가중치가 넓게 퍼집니다. 좁은 봉우리가 그대로라면 학습이 거의 안 된 것입니다.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>Press Start: how strongly
each layer's weights are
pushed will appear here</source>
        <translation>시작을 누르세요: 층마다
가중치를 얼마나 세게 미는지
여기에 나타납니다</translation>
    </message>
    <message>
        <source>and how much each step
changes them (about 0.001
is healthy)</source>
        <translation>한 스텝이 가중치를
얼마나 바꾸는지도
(0.001 근처가 건강)</translation>
    </message>
    <message>
        <source>the share of dead ReLU units
and of saturated sigmoid units,
at each test</source>
        <translation>죽은 ReLU 뉴런과
포화된 시그모이드 뉴런의 비율,
평가할 때마다</translation>
    </message>
    <message>
        <source>and how the weights spread
out from where they started</source>
        <translation>가중치가 처음 자리에서
어떻게 퍼져 나가는지</translation>
    </message>
    <message>
        <source>Histogram of</source>
        <translation>히스토그램:</translation>
    </message>
    <message>
        <source>The layer whose weights the histogram shows</source>
        <translation>히스토그램으로 가중치를 볼 층</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>아직 학습하지 않음</translation>
    </message>
    <message>
        <source>Newest run, latest step</source>
        <translation>최근 학습, 마지막 스텝</translation>
    </message>
    <message>
        <source>Newest run at step {step}</source>
        <translation>최근 학습, {step} 스텝</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>{l}층</translation>
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
    <name>Explain</name>
    <message>
        <source>The layer graph: the input image, the hidden layers' nodes and the ten outputs. A node's colour is its value at the stage shown (red positive, blue negative, white zero); the edges are the largest terms w·x for this digit. Hover a node for its formula with the numbers, click to pin it.</source>
        <translation>층 그래프입니다. 입력 이미지, 은닉층의 노드, 10개의 출력이 있습니다. 노드의 색은 지금 보이는 단계의 값입니다(빨강은 양수, 파랑은 음수, 흰색은 0). 간선은 이 숫자에서 가장 큰 항 w·x입니다. 노드에 마우스를 올리면 수식과 실제 숫자가 보이고, 클릭하면 고정됩니다.</translation>
    </message>
    <message>
        <source>The stage shown, with its formula and what it means. Right and Left step through the forward pass, and on through the backward pass for a test digit.</source>
        <translation>지금 보이는 단계와 그 수식, 뜻입니다. 오른쪽/왼쪽 화살표로 순전파를 한 단계씩 따라가고, 시험 숫자라면 이어서 역전파까지 갑니다.</translation>
    </message>
    <message>
        <source>What the colours of the nodes and edges mean at this stage.</source>
        <translation>이 단계에서 노드와 간선의 색이 무엇을 뜻하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Step the signal through the network: one stage at a time, or played as an animation.</source>
        <translation>신호를 신경망에 한 단계씩 흘려 보내거나 애니메이션으로 재생합니다.</translation>
    </message>
    <message>
        <source>Back to the input x (Home).</source>
        <translation>입력 x로 돌아갑니다(Home).</translation>
    </message>
    <message>
        <source>One stage back (Left).</source>
        <translation>한 단계 뒤로 갑니다(왼쪽 화살표).</translation>
    </message>
    <message>
        <source>Play the pass as an animation, or pause it (Space): pulses travel along the strongest edges, then the nodes fill.</source>
        <translation>전파 과정을 애니메이션으로 재생하거나 멈춥니다(Space). 가장 강한 간선을 따라 신호가 흐른 뒤 노드가 채워집니다.</translation>
    </message>
    <message>
        <source>One stage on (Right): x, a1 = x·W1 + b1, z1 = h(a1), ... y = softmax(a3), then the backward pass for a test digit.</source>
        <translation>한 단계 앞으로 갑니다(오른쪽 화살표). x, a1 = x·W1 + b1, z1 = h(a1), ... y = softmax(a3) 다음에, 시험 숫자라면 역전파가 이어집니다.</translation>
    </message>
    <message>
        <source>The previous test digit (P).</source>
        <translation>이전 시험 숫자(P).</translation>
    </message>
    <message>
        <source>The next test digit (N).</source>
        <translation>다음 시험 숫자(N).</translation>
    </message>
    <message>
        <source>A random test digit (R).</source>
        <translation>아무 시험 숫자나 하나 고릅니다(R).</translation>
    </message>
    <message>
        <source>Jump to this stage. The top row is the forward pass, the second row the backward pass: the loss E and the gradients from the output back to the input.</source>
        <translation>이 단계로 바로 갑니다. 윗줄은 순전파, 아랫줄은 역전파입니다. 손실 E와 출력에서 입력 쪽으로 거슬러 가는 기울기를 차례로 봅니다.</translation>
    </message>
    <message>
        <source>How fast the animation plays. Slow it down to follow each pulse.</source>
        <translation>애니메이션 속도입니다. 느리게 하면 신호 하나하나를 따라갈 수 있습니다.</translation>
    </message>
    <message>
        <source>Which of the 10,000 test digits goes through the network. Type a number, or use N, P and R.</source>
        <translation>10,000개의 시험 숫자 중 어느 것을 신경망에 넣을지 고릅니다. 번호를 입력하거나 N, P, R 키를 쓰세요.</translation>
    </message>
    <message>
        <source>Visit only the test digits the network gets wrong: try them to see where it is unsure.</source>
        <translation>신경망이 틀리는 시험 숫자만 봅니다. 신경망이 어디서 헷갈리는지 살펴보세요.</translation>
    </message>
    <message>
        <source>The activation function h and its slope h′ (dashed), with the current layer's own values as dots. Where h′ &lt; 0.1 (shaded) a unit is saturated and passes almost no gradient back.</source>
        <translation>활성화 함수 h와 그 기울기 h′(점선), 그리고 지금 층의 실제 값을 점으로 보여 줍니다. h′ &lt; 0.1인 곳(음영)에서는 뉴런이 포화되어 기울기를 거의 전달하지 못합니다.</translation>
    </message>
    <message>
        <source>Which activation function to plot: sigmoid, tanh, ReLU, Leaky ReLU max(0.1x, x), ELU, Maxout or identity. The dots always belong to the network's own function.</source>
        <translation>그릴 활성화 함수를 고릅니다: 시그모이드, tanh, ReLU, Leaky ReLU max(0.1x, x), ELU, Maxout, 항등 함수. 점은 언제나 신경망이 실제로 쓰는 함수의 값입니다.</translation>
    </message>
    <message>
        <source>Put the pre-activations a of the layer shown on the curve, one dot per unit.</source>
        <translation>지금 층의 활성화 전 값 a를 곡선 위에 뉴런마다 점 하나로 찍습니다.</translation>
    </message>
    <message>
        <source>Draw other activation functions on the same axes.</source>
        <translation>다른 활성화 함수들을 같은 축에 함께 그립니다.</translation>
    </message>
    <message>
        <source>Draw this function too, for comparison.</source>
        <translation>비교를 위해 이 함수도 함께 그립니다.</translation>
    </message>
    <message>
        <source>Draw the slopes h′ of the compared functions too: compare where each one saturates.</source>
        <translation>비교하는 함수들의 기울기 h′도 그립니다. 각 함수가 어디서 포화되는지 비교해 보세요.</translation>
    </message>
    <message>
        <source>A parameter of the function (Leaky ReLU's slope, ELU's α, a Maxout piece): drag it and watch the curve and its slope change.</source>
        <translation>함수의 매개변수(Leaky ReLU의 기울기, ELU의 α, Maxout의 조각)입니다. 끌어서 곡선과 기울기가 변하는 모습을 보세요.</translation>
    </message>
    <message>
        <source>Top: h (solid) and its slope h′ (dashed), the layer's units as dots, shaded where h′ &lt; 0.1; below: how the layer's pre-activations a are spread.</source>
        <translation>위: h(실선)와 기울기 h′(점선), 층의 뉴런들(점), h′ &lt; 0.1인 곳은 음영. 아래: 층의 활성화 전 값 a가 어떻게 퍼져 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Drag to change the function's parameter and watch the curve and its slope follow.</source>
        <translation>끌어서 함수의 매개변수를 바꾸고, 곡선과 기울기가 어떻게 따라 변하는지 보세요.</translation>
    </message>
    <message>
        <source>Softmax turns the output layer's values a3 into probabilities that add up to 1; the loss measures how far they are from the answer.</source>
        <translation>소프트맥스 함수는 출력층의 값 a3를 합이 1인 확률로 바꿉니다. 손실 함수는 그 확률이 정답에서 얼마나 먼지를 잽니다.</translation>
    </message>
    <message>
        <source>The logits a3, their exponentials exp(a3) and the probabilities y = exp(a3) / Σ exp(a3), class by class.</source>
        <translation>클래스마다 로짓 a3, 그 지수 exp(a3), 확률 y = exp(a3) / Σ exp(a3)를 보여 줍니다.</translation>
    </message>
    <message>
        <source>The softmax temperature T in exp(a/T): above 1 the probabilities even out, below 1 the largest one takes almost everything.</source>
        <translation>소프트맥스의 온도 T(exp(a/T))입니다. 1보다 크면 확률이 고르게 퍼지고, 1보다 작으면 가장 큰 값이 거의 전부를 차지합니다.</translation>
    </message>
    <message>
        <source>Cross-entropy -log p and mean squared error as functions of the probability p the network gives the true class, with this digit's point: a confident mistake costs without limit in cross-entropy.</source>
        <translation>정답 클래스에 준 확률 p에 대한 교차 엔트로피 -log p와 평균 제곱 오차, 그리고 이 숫자의 점입니다. 자신 있게 틀리면 교차 엔트로피는 한없이 커집니다.</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse: it is turned into a 28×28 input like MNIST's and sent through the network when the pen lifts.</source>
        <translation>마우스로 숫자를 그려 보세요. 펜을 떼면 MNIST처럼 28×28 입력으로 바뀌어 신경망을 통과합니다.</translation>
    </message>
    <message>
        <source>Draw here with the left mouse button.</source>
        <translation>여기에 마우스 왼쪽 버튼으로 그리세요.</translation>
    </message>
    <message>
        <source>What the network sees: your drawing cropped, scaled to 20×20 and centred in 28×28 pixels, as MNIST's digits were prepared.</source>
        <translation>신경망이 보는 그림입니다. 그림을 잘라 20×20으로 줄인 뒤 28×28 가운데에 놓았습니다. MNIST 숫자도 이렇게 준비되었습니다.</translation>
    </message>
    <message>
        <source>How thick the pen is. MNIST's strokes are about 2-3 pixels wide.</source>
        <translation>펜의 굵기입니다. MNIST의 획은 2~3픽셀 정도입니다.</translation>
    </message>
    <message>
        <source>Wipe the drawing and start again.</source>
        <translation>그림을 지우고 다시 시작합니다.</translation>
    </message>
    <message>
        <source>The digit you meant: with it the drawing has a label, so the loss and the backward pass can be shown for it.</source>
        <translation>그리려던 숫자입니다. 이것을 정하면 그림에 정답 레이블이 생겨 손실과 역전파를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Train the network on MNIST here, live: choose the settings, press Start and watch the curves, the graph and the results change.</source>
        <translation>여기서 MNIST로 신경망을 실시간으로 학습시킵니다. 설정을 고르고 시작을 누른 뒤 곡선, 그래프, 결과가 변하는 모습을 보세요.</translation>
    </message>
    <message>
        <source>Start training with the settings above, in the background: the window stays usable.</source>
        <translation>위의 설정으로 백그라운드에서 학습을 시작합니다. 학습하는 동안에도 창을 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Pause the run (and resume it). While paused, Step trains one batch at a time.</source>
        <translation>학습을 잠시 멈추거나 다시 이어 갑니다. 멈춘 동안에는 한 단계로 배치 하나씩 학습할 수 있습니다.</translation>
    </message>
    <message>
        <source>Train on one batch and stop: one step of gradient descent, to watch it happen.</source>
        <translation>배치 하나로 학습하고 멈춥니다. 경사 하강법 한 걸음이 일어나는 모습을 지켜보세요.</translation>
    </message>
    <message>
        <source>End the run; the network keeps what it has learned.</source>
        <translation>학습을 끝냅니다. 신경망은 그때까지 배운 것을 그대로 가집니다.</translation>
    </message>
    <message>
        <source>Back to the untrained network of the seed in the settings: the weights the next Start begins from.</source>
        <translation>설정의 시드로 만든, 학습 전 신경망으로 돌아갑니다. 다음 시작은 이 가중치에서 출발합니다.</translation>
    </message>
    <message>
        <source>Start the next run from the same initial weights, so that two runs differ only by their settings.</source>
        <translation>다음 학습을 같은 초기 가중치에서 시작합니다. 그러면 두 학습은 설정만 다릅니다.</translation>
    </message>
    <message>
        <source>Go back to the seed of the last run.</source>
        <translation>지난 학습의 시드로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Ready-made settings: book (the book's network and recipe), fast, or best.</source>
        <translation>미리 만든 설정입니다: book(책의 신경망과 방법), fast, best.</translation>
    </message>
    <message>
        <source>The sizes of the hidden layers, separated by commas (the book: 50,100). Try one layer of 10 units and see how much it loses.</source>
        <translation>은닉층의 크기를 쉼표로 구분해 적습니다(책: 50,100). 뉴런 10개짜리 은닉층 하나로 바꾸면 얼마나 나빠지는지 보세요.</translation>
    </message>
    <message>
        <source>The activation function h of the hidden layers. Try ReLU against sigmoid and compare how fast they learn.</source>
        <translation>은닉층의 활성화 함수 h입니다. ReLU와 시그모이드로 학습 속도를 비교해 보세요.</translation>
    </message>
    <message>
        <source>The activation function's parameter (a slope, α or a number of pieces), when it has one.</source>
        <translation>활성화 함수에 매개변수(기울기, α, 조각 수)가 있을 때 그 값입니다.</translation>
    </message>
    <message>
        <source>How the initial weights are drawn: the book's 0.01·N(0, 1), Xavier (for sigmoid and tanh) or He (for ReLU). Try the book's with a deep network and watch the signal fade.</source>
        <translation>초기 가중치를 뽑는 방법입니다: 책의 0.01·N(0, 1), Xavier(시그모이드, tanh용), He(ReLU용). 깊은 신경망에 책의 방법을 쓰면 신호가 사라지는 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The random seed of the initial weights and of the batch order: the same seed gives the same run.</source>
        <translation>초기 가중치와 배치 순서를 정하는 난수 시드입니다. 시드가 같으면 학습도 똑같습니다.</translation>
    </message>
    <message>
        <source>The loss function minimised: cross-entropy E = -Σ t log y or mean squared error E = ½ Σ (y - t)². Try MSE and compare the curves.</source>
        <translation>최소화할 손실 함수입니다: 교차 엔트로피 E = -Σ t log y 또는 평균 제곱 오차 E = ½ Σ (y - t)². 평균 제곱 오차로 바꿔 곡선을 비교해 보세요.</translation>
    </message>
    <message>
        <source>How the gradient changes the weights: plain SGD, momentum, AdaGrad or Adam.</source>
        <translation>기울기로 가중치를 바꾸는 방법입니다: SGD, 모멘텀, AdaGrad, Adam.</translation>
    </message>
    <message>
        <source>The learning rate η in W ← W - η·dE/dW: too small and the loss hardly moves, too large and it jumps or explodes. Try ×10 and ×0.1.</source>
        <translation>W ← W - η·dE/dW의 학습률 η입니다. 너무 작으면 손실이 거의 줄지 않고, 너무 크면 튀거나 발산합니다. 10배와 0.1배로 바꿔 보세요.</translation>
    </message>
    <message>
        <source>Keep the learning rate constant, or lower it along a cosine to the end of the run.</source>
        <translation>학습률을 그대로 두거나, 코사인 곡선을 따라 학습 끝까지 줄여 갑니다.</translation>
    </message>
    <message>
        <source>How many images each step learns from: the gradient is their average. Small batches are noisy, large ones smooth but take fewer steps.</source>
        <translation>한 걸음에 배우는 이미지 수입니다. 기울기는 이들의 평균입니다. 배치가 작으면 흔들리고, 크면 매끄럽지만 걸음 수가 줄어듭니다.</translation>
    </message>
    <message>
        <source>How many times the run goes through all 60,000 training images.</source>
        <translation>학습 데이터 60,000장을 몇 번 돌지 정합니다.</translation>
    </message>
    <message>
        <source>The data to learn from: mnist, fashion-mnist or a folder of IDX files.</source>
        <translation>학습할 데이터입니다: mnist, fashion-mnist 또는 IDX 파일이 든 폴더.</translation>
    </message>
    <message>
        <source>How often per epoch the test set is scored for the curves and the results.</source>
        <translation>곡선과 결과를 위해 에포크마다 시험 데이터를 몇 번 채점할지 정합니다.</translation>
    </message>
    <message>
        <source>A training setting; invalid values are refused at the field.</source>
        <translation>학습 설정입니다. 잘못된 값은 입력란에서 바로 거부됩니다.</translation>
    </message>
    <message>
        <source>How far the run is, how fast it trains and the time left.</source>
        <translation>학습이 얼마나 진행되었는지, 얼마나 빠른지, 남은 시간을 보여 줍니다.</translation>
    </message>
    <message>
        <source>The run's loss and accuracy as it trains: every batch faint, smoothed on top, the test set's at each evaluation. Earlier runs stay dimmed for comparison.</source>
        <translation>학습하는 동안의 손실과 정확도입니다. 배치마다 흐리게, 그 위에 매끄럽게, 평가 때마다 시험 데이터의 값을 그립니다. 이전 학습은 비교를 위해 흐리게 남습니다.</translation>
    </message>
    <message>
        <source>Left: the loss (each batch faint, smoothed on top, the test set's at each evaluation); right: the accuracy on the test set and on a slice of the training set.</source>
        <translation>왼쪽: 손실(배치마다 흐리게, 그 위에 매끄럽게, 평가 때마다 시험 데이터의 손실). 오른쪽: 시험 데이터와 학습 데이터 일부의 정확도.</translation>
    </message>
    <message>
        <source>Plot against steps, epochs, images seen or seconds.</source>
        <translation>가로축을 단계, 에포크, 본 이미지 수, 초 중에서 고릅니다.</translation>
    </message>
    <message>
        <source>How strongly the batch losses are smoothed (an exponential moving average).</source>
        <translation>배치 손실을 얼마나 매끄럽게 할지 정합니다(지수 이동 평균).</translation>
    </message>
    <message>
        <source>A logarithmic loss axis: late, small improvements become visible.</source>
        <translation>손실 축을 로그 눈금으로 바꿉니다. 후반의 작은 개선도 보입니다.</translation>
    </message>
    <message>
        <source>A logarithmic step axis: the first steps, where learning is fastest, spread out.</source>
        <translation>단계 축을 로그 눈금으로 바꿉니다. 학습이 가장 빠른 처음 단계들이 넓게 펼쳐집니다.</translation>
    </message>
    <message>
        <source>Remove the earlier runs from the plots.</source>
        <translation>이전 학습의 곡선을 지웁니다.</translation>
    </message>
    <message>
        <source>Save the curves as a CSV table or a PNG picture.</source>
        <translation>곡선을 CSV 표나 PNG 그림으로 저장합니다.</translation>
    </message>
    <message>
        <source>Time travel: the steps of the run shown, at the kept weight snapshots. Drag back to see the whole window as it was at that step.</source>
        <translation>시간 여행: 보이는 학습의 단계들을 저장된 가중치 스냅샷마다 보여 줍니다. 뒤로 끌면 창 전체가 그 단계의 모습이 됩니다.</translation>
    </message>
    <message>
        <source>Drag to a step of the run: the graph, the passes, the explorers and the results show the network as it was then.</source>
        <translation>학습의 한 단계로 끌어 보세요. 그래프, 순전파와 역전파, 탐색기, 결과가 그때의 신경망을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Back to the newest step of the run.</source>
        <translation>학습의 가장 최근 단계로 돌아갑니다.</translation>
    </message>
    <message>
        <source>How the network on screen does on the 10,000 test digits: the confusion matrix and the digits it gets wrong.</source>
        <translation>화면의 신경망이 시험 숫자 10,000개에서 어떤지 보여 줍니다: 혼동 행렬과 틀린 숫자들.</translation>
    </message>
    <message>
        <source>Row: the true digit; column: the network's answer. The diagonal is right; a bright cell off it is a common mistake (click it to see those digits).</source>
        <translation>행은 실제 숫자, 열은 신경망의 답입니다. 대각선은 정답이고, 대각선 밖의 밝은 칸은 자주 하는 실수입니다(클릭하면 그 숫자들을 봅니다).</translation>
    </message>
    <message>
        <source>The misclassified digits: said / is. Click one to follow it through the network.</source>
        <translation>잘못 분류한 숫자들입니다: 답 / 정답. 하나를 클릭하면 신경망 속을 따라갑니다.</translation>
    </message>
    <message>
        <source>Show every mistake again, not only one cell's.</source>
        <translation>한 칸의 실수만이 아니라 모든 실수를 다시 보여 줍니다.</translation>
    </message>
    <message>
        <source>One tile per first-layer unit: its 784 weights as 28×28 (red positive, blue negative). Hover a tile to see which unit it is.</source>
        <translation>첫 번째 층의 뉴런마다 한 칸입니다. 784개의 가중치를 28×28로 그렸습니다(빨강은 양수, 파랑은 음수). 칸에 마우스를 올리면 어느 뉴런인지 보입니다.</translation>
    </message>
    <message>
        <source>Each first-layer unit's 784 weights as a 28×28 picture: what it looks for in the image. Watch them grow from noise into strokes while training.</source>
        <translation>첫 번째 층 뉴런마다 784개의 가중치를 28×28 그림으로 보여 줍니다. 뉴런이 이미지에서 무엇을 찾는지 알 수 있습니다. 학습하는 동안 잡음이 획으로 자라는 모습을 보세요.</translation>
    </message>
    <message>
        <source>How the network learns from the digit on screen: one step of gradient descent, the loss as a function of one weight, and a check of backpropagation.</source>
        <translation>신경망이 화면의 숫자에서 어떻게 배우는지 보여 줍니다: 경사 하강법 한 걸음, 가중치 하나에 대한 손실 함수, 역전파 검증.</translation>
    </message>
    <message>
        <source>The loss whose gradient is followed: cross-entropy or MSE.</source>
        <translation>기울기를 따라갈 손실 함수입니다: 교차 엔트로피 또는 평균 제곱 오차.</translation>
    </message>
    <message>
        <source>The learning rate η of this one-digit step (by default its share of a training step: lr / batch size).</source>
        <translation>이 숫자 하나로 내딛는 걸음의 학습률 η입니다(기본값은 학습 한 걸음에서 이 숫자의 몫: 학습률 / 배치 크기).</translation>
    </message>
    <message>
        <source>Apply W ← W - η·dE/dW for this digit to every weight and bias: E and the true class's probability before and after.</source>
        <translation>이 숫자에 대해 모든 가중치와 편향에 W ← W - η·dE/dW를 적용합니다. 전후의 E와 정답 클래스의 확률을 비교하세요.</translation>
    </message>
    <message>
        <source>Take the step back: the weights return to what they were.</source>
        <translation>방금 걸음을 되돌립니다. 가중치가 원래대로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Which weight to vary (among those with the largest slope dE/dw for this digit).</source>
        <translation>바꿔 볼 가중치를 고릅니다(이 숫자에서 기울기 dE/dw가 가장 큰 것들 중에서).</translation>
    </message>
    <message>
        <source>The loss E as a function of one weight, with backpropagation's tangent at the current value: its slope is dE/dw.</source>
        <translation>가중치 하나에 대한 손실 E와, 지금 값에서 역전파로 구한 접선입니다. 접선의 기울기가 dE/dw입니다.</translation>
    </message>
    <message>
        <source>Vary a second weight too: the loss over the two as a map, with gradient descent's path.</source>
        <translation>두 번째 가중치도 바꿔 봅니다. 두 가중치에 대한 손실을 지도로 그리고 경사 하강법이 지나는 길을 보여 줍니다.</translation>
    </message>
    <message>
        <source>The second weight of the map.</source>
        <translation>지도의 두 번째 가중치입니다.</translation>
    </message>
    <message>
        <source>The loss over two weights (darker is lower) and the path gradient descent takes.</source>
        <translation>두 가중치에 대한 손실(어두울수록 낮음)과 경사 하강법이 지나는 길입니다.</translation>
    </message>
    <message>
        <source>Compute every slope again by central differences, (E(w+h) - E(w-h)) / 2h, and compare with backpropagation.</source>
        <translation>모든 기울기를 중심 차분 (E(w+h) - E(w-h)) / 2h로 다시 구해 역전파와 비교합니다.</translation>
    </message>
    <message>
        <source>Stop the numerical check.</source>
        <translation>수치 검증을 멈춥니다.</translation>
    </message>
    <message>
        <source>The guided lesson, one step per slide of the deck: each step sets the window up and invites one thing to try.</source>
        <translation>강의 자료를 슬라이드마다 한 단계씩 따라가는 수업입니다. 단계마다 창을 알맞게 준비하고 해 볼 일을 하나 알려 줍니다.</translation>
    </message>
    <message>
        <source>The previous step of the lesson.</source>
        <translation>수업의 이전 단계.</translation>
    </message>
    <message>
        <source>The next step of the lesson.</source>
        <translation>수업의 다음 단계.</translation>
    </message>
    <message>
        <source>The loss landscape of a run: the loss over a plane through the final weights, with the path the weights took across it, and the loss along the straight line from the start to the end.</source>
        <translation>한 번의 학습이 지나온 손실 지형입니다. 최종 가중치를 지나는 평면 위의 손실과 가중치가 지나온 길, 그리고 처음에서 끝까지 곧게 이은 선 위의 손실을 보여 줍니다.</translation>
    </message>
    <message>
        <source>The plane of the map: the two main directions (PCA) of the run's path, or two random directions scaled like each unit's weights.</source>
        <translation>지도의 평면입니다. 학습 경로의 두 주성분 방향(PCA) 또는 뉴런마다 가중치 크기에 맞춘 두 무작위 방향 중에서 고릅니다.</translation>
    </message>
    <message>
        <source>The seed of the two random directions: the same seed gives the same plane.</source>
        <translation>두 무작위 방향의 시드입니다. 시드가 같으면 평면도 같습니다.</translation>
    </message>
    <message>
        <source>How many points a side the map has: more is finer and slower.</source>
        <translation>지도 한 변의 점 개수입니다. 많을수록 세밀하지만 느립니다.</translation>
    </message>
    <message>
        <source>How many training images the loss is measured on (always the same ones).</source>
        <translation>손실을 잴 학습 이미지 수입니다(언제나 같은 이미지들).</translation>
    </message>
    <message>
        <source>Draw the path of another run of the same network on this map, for example another learning rate from the same initial weights.</source>
        <translation>같은 신경망의 다른 학습 경로를 이 지도에 함께 그립니다. 예를 들어 같은 초기 가중치에서 학습률만 다른 학습.</translation>
    </message>
    <message>
        <source>Compute the map, the path and the line in the background, coarse first: the window stays usable.</source>
        <translation>지도, 경로, 직선을 백그라운드에서 계산합니다(거칠게 먼저). 계산하는 동안에도 창을 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Stop the computation.</source>
        <translation>계산을 멈춥니다.</translation>
    </message>
    <message>
        <source>Left: the loss over the plane (darker is lower) with contour lines and the run's path, epochs marked; click the path to go to that step. Right: the loss along the straight line from the start (0) to the end (1), beside the run's own loss.</source>
        <translation>왼쪽: 평면 위의 손실(어두울수록 낮음)과 등고선, 에포크가 표시된 학습 경로입니다. 경로를 클릭하면 그 단계로 갑니다. 오른쪽: 처음(0)에서 끝(1)까지 곧은 선 위의 손실과 학습 중 실제 손실입니다.</translation>
    </message>
    <message>
        <source>Replay the run from the step shown: each kept step in turn, the weights moving smoothly between them. Press again to pause.</source>
        <translation>보이는 단계부터 학습을 다시 재생합니다. 저장된 단계를 차례로 보여 주며 그 사이 가중치는 부드럽게 움직입니다. 다시 누르면 멈춥니다.</translation>
    </message>
    <message>
        <source>How fast the replay goes: 1x shows two kept steps a second.</source>
        <translation>재생 속도입니다. 1x는 저장된 단계를 1초에 두 개씩 보여 줍니다.</translation>
    </message>
    <message>
        <source>Probe the network on screen: how sure it is, how it copes with damaged digits, what a hidden layer has learned, and what happens when you break it.</source>
        <translation>화면의 신경망을 조사합니다. 얼마나 확신하는지, 손상된 숫자를 얼마나 견디는지, 은닉층이 무엇을 배웠는지, 망가뜨리면 어떻게 되는지 봅니다.</translation>
    </message>
    <message>
        <source>How the network does on the whole test set: digit by digit, and how sure it is when it answers.</source>
        <translation>시험 데이터 전체에서 신경망이 어떤지 보여 줍니다. 숫자별 정확도와, 답할 때 얼마나 확신하는지.</translation>
    </message>
    <message>
        <source>The share of each digit the network gets right: the short bars are the digits it finds hard.</source>
        <translation>숫자마다 맞힌 비율입니다. 막대가 짧은 숫자가 신경망이 어려워하는 숫자입니다.</translation>
    </message>
    <message>
        <source>Answer only when the network is at least this sure: the fewer digits it answers, the more of those it gets right.</source>
        <translation>신경망이 이만큼 이상 확신할 때만 답하게 합니다. 답하는 숫자가 적을수록 그중 맞히는 비율은 높아집니다.</translation>
    </message>
    <message>
        <source>Accuracy on the digits answered against the share answered, as the confidence threshold moves.</source>
        <translation>확신 기준을 옮길 때, 답한 비율에 대한 그 숫자들의 정확도입니다.</translation>
    </message>
    <message>
        <source>The mistakes the network was surest of: said / how sure / is. Click one to follow it through the network.</source>
        <translation>신경망이 가장 확신하며 틀린 숫자들입니다: 답 / 확신도 / 정답. 클릭하면 신경망 속을 따라갑니다.</translation>
    </message>
    <message>
        <source>How the accuracy falls as the test digits are damaged: noise, rotation, thicker or thinner strokes, a shift.</source>
        <translation>시험 숫자를 손상시킬수록 정확도가 어떻게 떨어지는지 봅니다: 잡음, 회전, 굵거나 가는 획, 이동.</translation>
    </message>
    <message>
        <source>The kind of damage done to the test digits.</source>
        <translation>시험 숫자에 가할 손상의 종류입니다.</translation>
    </message>
    <message>
        <source>Damage the whole test set at 10 strengths and score the network at each, in the background.</source>
        <translation>시험 데이터 전체를 10단계의 세기로 손상시키고 단계마다 신경망을 채점합니다(백그라운드에서).</translation>
    </message>
    <message>
        <source>Stop computing the curve.</source>
        <translation>곡선 계산을 멈춥니다.</translation>
    </message>
    <message>
        <source>Test accuracy against the strength of the damage (strength 0: the digits as they are).</source>
        <translation>손상 세기에 대한 시험 정확도입니다(세기 0은 원래 숫자).</translation>
    </message>
    <message>
        <source>The strength of the damage shown in the examples below.</source>
        <translation>아래 예시에 보이는 손상의 세기입니다.</translation>
    </message>
    <message>
        <source>A map of what a hidden layer sees: each test digit is a dot placed by its layer's activations, coloured by its class.</source>
        <translation>은닉층이 보는 것의 지도입니다. 시험 숫자 하나가 점 하나이고, 그 층의 활성화 값으로 위치가 정해지며, 클래스마다 색이 다릅니다.</translation>
    </message>
    <message>
        <source>The hidden layer whose activations are mapped.</source>
        <translation>지도로 그릴 활성화 값의 은닉층입니다.</translation>
    </message>
    <message>
        <source>How the many activations become two coordinates: PCA at once, or t-SNE (slower, keeps neighbours together).</source>
        <translation>많은 활성화 값을 두 좌표로 줄이는 방법입니다: PCA(바로) 또는 t-SNE(느리지만 이웃을 가깝게 유지).</translation>
    </message>
    <message>
        <source>The weights the map is made with: the network on screen, or the run's first snapshot (before training), to see the classes separate.</source>
        <translation>지도를 만들 가중치입니다. 화면의 신경망 또는 학습 전인 첫 스냅샷을 골라 클래스가 갈라지는 모습을 비교하세요.</translation>
    </message>
    <message>
        <source>Stop making the map.</source>
        <translation>지도 만들기를 멈춥니다.</translation>
    </message>
    <message>
        <source>One dot per test digit, coloured by its class: digits the layer sees alike lie close. Hover a dot to see its digit, click it to send it through the network.</source>
        <translation>시험 숫자마다 점 하나, 클래스마다 색이 다릅니다. 층이 비슷하게 보는 숫자끼리 가까이 있습니다. 점에 마우스를 올리면 숫자가 보이고, 클릭하면 신경망에 넣습니다.</translation>
    </message>
    <message>
        <source>Break the trained network on a copy and watch the test accuracy: prune, add noise, switch units off. Reset returns to the trained weights.</source>
        <translation>학습된 신경망의 복사본을 망가뜨리며 시험 정확도를 지켜봅니다: 가지치기, 잡음, 뉴런 끄기. 초기화하면 학습된 가중치로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Set this share of all weights, the smallest in size, to 0: how many can go before the accuracy falls?</source>
        <translation>크기가 가장 작은 가중치를 이 비율만큼 0으로 만듭니다. 정확도가 떨어지기 전까지 얼마나 없앨 수 있을까요?</translation>
    </message>
    <message>
        <source>Add random noise of this size to every weight.</source>
        <translation>모든 가중치에 이 크기의 무작위 잡음을 더합니다.</translation>
    </message>
    <message>
        <source>The hidden layer of the unit to change.</source>
        <translation>바꿀 뉴런이 있는 은닉층입니다.</translation>
    </message>
    <message>
        <source>Which unit of that layer to change.</source>
        <translation>그 층에서 바꿀 뉴런입니다.</translation>
    </message>
    <message>
        <source>Switch the unit off: its outgoing weights become 0, so the next layer no longer hears it.</source>
        <translation>뉴런을 끕니다. 나가는 가중치가 0이 되어 다음 층은 더 이상 이 뉴런의 신호를 받지 못합니다.</translation>
    </message>
    <message>
        <source>Multiply the unit's incoming weights by this factor.</source>
        <translation>뉴런으로 들어오는 가중치에 이 배수를 곱합니다.</translation>
    </message>
    <message>
        <source>Add this to the unit's bias.</source>
        <translation>뉴런의 편향에 이 값을 더합니다.</translation>
    </message>
    <message>
        <source>Show the changed network in the whole window (graph, passes, results) as an unsaved change.</source>
        <translation>바뀐 신경망을 창 전체(그래프, 순전파와 역전파, 결과)에 저장하지 않은 변경으로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Undo every change: back to the trained weights.</source>
        <translation>모든 변경을 되돌려 학습된 가중치로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Save the changed network as a new model file (never over the original).</source>
        <translation>바뀐 신경망을 새 모델 파일로 저장합니다(원래 파일은 덮어쓰지 않습니다).</translation>
    </message>
    <message>
        <source>The digit on screen as the deck shows it: 28×28 pixels, each a number from 0 (paper) to 255 (ink). The network receives each value divided by 255.</source>
        <translation>강의 자료처럼 화면의 숫자를 보여 줍니다: 28×28 픽셀, 각 픽셀은 0(종이)부터 255(잉크)까지의 숫자입니다. 신경망은 각 값을 255로 나눈 값을 받습니다.</translation>
    </message>
    <message>
        <source>Each cell is one pixel with its value 0-255, shaded by it. Hover a cell for its row, column, value and what the network receives (value / 255).</source>
        <translation>칸 하나가 픽셀 하나이고 0~255 값만큼 칠해져 있습니다. 칸에 마우스를 올리면 행, 열, 값, 신경망이 받는 값(값 / 255)이 보입니다.</translation>
    </message>
    <message>
        <source>Show the middle of the digit larger, so every cell's number can be read.</source>
        <translation>숫자의 가운데를 크게 보여 주어 칸마다 숫자를 읽을 수 있게 합니다.</translation>
    </message>
    <message>
        <source>The data and its labels: a row of examples for each class, with how many of each class the training and test sets hold.</source>
        <translation>데이터와 레이블입니다. 클래스마다 예시 한 줄씩, 그리고 학습 데이터와 시험 데이터에 클래스별로 몇 개씩 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Examples of each class, one row per label. Click a digit to send it through the network.</source>
        <translation>레이블마다 한 줄씩 늘어놓은 클래스별 예시입니다. 숫자를 클릭하면 신경망에 넣습니다.</translation>
    </message>
    <message>
        <source>Show examples from the training set (what the network learns from) or from the test set (what it is scored on).</source>
        <translation>학습 데이터(신경망이 배우는 데이터) 또는 시험 데이터(채점에 쓰는 데이터)의 예시를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Momentum: each step keeps this share of the previous one, so the weights roll on through flat stretches (0.9 is usual). Can be changed while training.</source>
        <translation>모멘텀: 걸음마다 이전 걸음을 이 비율만큼 이어 가서, 평평한 구간에서도 가중치가 계속 굴러갑니다(보통 0.9). 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>L2 weight decay λ: adds (λ/2)·Σw² to the loss, pulling every weight towards 0. Try 0.0001 when the validation loss rises while the training loss falls.</source>
        <translation>L2 가중치 감소 λ: 손실에 (λ/2)·Σw²를 더해 모든 가중치를 0 쪽으로 당깁니다. 학습 손실은 줄어드는데 검증 손실이 오르면 0.0001을 써 보세요.</translation>
    </message>
    <message>
        <source>Dropout: the share of hidden units switched off at random in each training step, so no unit can rely on another. Try 0.2 against overfitting.</source>
        <translation>드롭아웃: 학습 걸음마다 무작위로 끄는 은닉층 뉴런의 비율입니다. 어떤 뉴런도 다른 뉴런에 기대지 못하게 합니다. 과대적합에는 0.2를 써 보세요.</translation>
    </message>
    <message>
        <source>The share of the training images held out to check the run on digits it does not learn from: the test set stays untouched until the end.</source>
        <translation>학습에 쓰지 않고 따로 떼어 두는 학습 이미지의 비율입니다. 배우지 않은 숫자로 학습을 점검하고, 시험 데이터는 끝까지 손대지 않습니다.</translation>
    </message>
    <message>
        <source>Augmentation: each training image is shifted, rotated a little or given noise at random, so the network sees more variety.</source>
        <translation>데이터 증강: 학습 이미지마다 무작위로 조금 옮기거나 돌리거나 잡음을 더해, 신경망이 더 다양한 모습을 보게 합니다.</translation>
    </message>
    <message>
        <source>Multiplies the initial weights: try 10 with sigmoid and watch the units saturate, or 0.1 and watch the signal fade layer after layer.</source>
        <translation>초기 가중치에 곱하는 배수입니다. 시그모이드에서 10으로 하면 뉴런이 포화되고, 0.1로 하면 신호가 층마다 약해지는 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>A few training digits as augmentation changes them: what the network learns from.</source>
        <translation>데이터 증강으로 바뀐 학습 숫자 몇 개입니다. 신경망이 실제로 배우는 모습입니다.</translation>
    </message>
    <message>
        <source>Draw new random augmentations of the digits.</source>
        <translation>숫자들에 새 무작위 증강을 적용해 다시 그립니다.</translation>
    </message>
    <message>
        <source>Full speed, or slow motion: a few steps a second, so each step can be watched on the graph and the curves.</source>
        <translation>전속력 또는 느린 동작입니다. 느린 동작에서는 1초에 몇 걸음만 학습해 그래프와 곡선에서 걸음마다 지켜볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The coach: how each layer is learning, live from the run, and hints with the run's own numbers about what looks wrong and what to try.</source>
        <translation>코치입니다. 층마다 학습이 어떻게 되고 있는지를 실시간으로 보여 주고, 무엇이 이상한지와 무엇을 해 볼지 학습의 실제 숫자로 알려 줍니다.</translation>
    </message>
    <message>
        <source>Per layer, over the run: how strongly the weights are pushed, how much each step changes them, dead and saturated units, and how the weights spread.</source>
        <translation>학습 동안 층마다: 가중치가 얼마나 세게 밀리는지, 걸음마다 얼마나 바뀌는지, 죽은 뉴런과 포화된 뉴런, 가중치가 어떻게 퍼지는지.</translation>
    </message>
    <message>
        <source>The size of each layer's gradient (RMS of dE/dW, log scale): a layer whose gradient is far smaller than the others' hardly learns.</source>
        <translation>층마다 기울기의 크기(dE/dW의 RMS, 로그 눈금)입니다. 기울기가 다른 층보다 훨씬 작은 층은 거의 배우지 못합니다.</translation>
    </message>
    <message>
        <source>How much one step changes each layer's weights, relative to their size (about 0.001 is healthy; 0.1 is too much, 1e-6 too little).</source>
        <translation>한 걸음이 층의 가중치를 크기에 비해 얼마나 바꾸는지입니다(0.001 정도가 건강하고, 0.1은 너무 크며, 1e-6은 너무 작습니다).</translation>
    </message>
    <message>
        <source>The share of dead ReLU units (never active) and of saturated sigmoid or tanh units (h′ &lt; 0.1), at each evaluation.</source>
        <translation>평가 때마다 죽은 ReLU 뉴런(한 번도 활성화되지 않음)과 포화된 시그모이드·tanh 뉴런(h′ &lt; 0.1)의 비율입니다.</translation>
    </message>
    <message>
        <source>How the chosen layer's weights are spread now, against where they started.</source>
        <translation>고른 층의 가중치가 지금 어떻게 퍼져 있는지, 처음과 비교해 보여 줍니다.</translation>
    </message>
    <message>
        <source>The layer whose weights the histogram shows.</source>
        <translation>히스토그램으로 볼 가중치의 층입니다.</translation>
    </message>
    <message>
        <source>Hints: what looks wrong in this run, with its own numbers, and what to try.</source>
        <translation>힌트: 이번 학습에서 무엇이 이상한지 실제 숫자와 함께, 그리고 무엇을 해 볼지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Turn the coach's hints on or off.</source>
        <translation>코치의 힌트를 켜거나 끕니다.</translation>
    </message>
    <message>
        <source>Apply the suggested fix to the settings (and to the run, for what can change while it trains).</source>
        <translation>제안한 해결책을 설정에 적용합니다(학습 중 바꿀 수 있는 것은 진행 중인 학습에도).</translation>
    </message>
    <message>
        <source>Why this hint: a short explanation of the problem and the fix.</source>
        <translation>이 힌트의 이유: 문제와 해결책에 대한 짧은 설명입니다.</translation>
    </message>
    <message>
        <source>Two runs side by side at one step: their accuracy curves, their answers for the digit on screen, their accuracy per class and their first-layer weights.</source>
        <translation>두 학습을 한 단계에서 나란히 비교합니다: 정확도 곡선, 화면의 숫자에 대한 답, 클래스별 정확도, 첫 번째 층의 가중치.</translation>
    </message>
    <message>
        <source>The first run to compare (runs on the curves, or run files added here).</source>
        <translation>비교할 첫 번째 학습입니다(곡선에 있는 학습 또는 여기 추가한 학습 파일).</translation>
    </message>
    <message>
        <source>The second run to compare. For a fair test, train both from the same initial weights.</source>
        <translation>비교할 두 번째 학습입니다. 공정하게 비교하려면 두 학습을 같은 초기 가중치에서 시작하세요.</translation>
    </message>
    <message>
        <source>Add a run saved in a file (File &gt; Save run, or nnviz train --record) to the runs you can compare.</source>
        <translation>파일로 저장한 학습(파일 &gt; 학습 저장 또는 nnviz train --record)을 비교할 수 있는 학습에 추가합니다.</translation>
    </message>
    <message>
        <source>The step at which the two runs are compared; it follows the timeline.</source>
        <translation>두 학습을 비교할 단계입니다. 타임라인을 따라갑니다.</translation>
    </message>
    <message>
        <source>The two runs' accuracy curves on one plot, with the step compared as a cursor.</source>
        <translation>두 학습의 정확도 곡선을 한 그림에 그리고, 비교하는 단계를 세로선으로 표시합니다.</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Now: {value}</source>
        <translation>지금 값: {value}</translation>
    </message>
</context>
<context>
    <name>HintCard</name>
    <message>
        <source>Applied</source>
        <translation>적용함</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Put into the settings: {fix}</source>
        <translation>설정에 넣기: {fix}</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>왜?</translation>
    </message>
</context>
<context>
    <name>HintsView</name>
    <message>
        <source>Hints</source>
        <translation>조언</translation>
    </message>
    <message>
        <source>Show hints</source>
        <translation>조언 보기</translation>
    </message>
    <message>
        <source>The coach watches the run and says what looks wrong and what to try</source>
        <translation>코치가 학습을 지켜보며 무엇이 잘못된 것 같은지, 무엇을 해 볼지 알려 줍니다</translation>
    </message>
    <message>
        <source>Hints are off.</source>
        <translation>조언을 껐습니다.</translation>
    </message>
    <message>
        <source>Hints will appear here while a run trains: a loss that explodes or stays flat, dead or saturated units, overfitting, a plateau, each with a fix.</source>
        <translation>학습하는 동안 여기에 조언이 나타납니다: 폭발하거나 줄지 않는 손실, 죽거나 포화된 뉴런, 과대적합, 정체 구간, 각각 해결책과 함께.</translation>
    </message>
    <message>
        <source>Nothing looks wrong so far.</source>
        <translation>아직은 문제가 보이지 않습니다.</translation>
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
    <name>LandscapePanel</name>
    <message>
        <source>Main directions (PCA)</source>
        <translation>주요 방향 (PCA)</translation>
    </message>
    <message>
        <source>Random directions</source>
        <translation>무작위 방향</translation>
    </message>
    <message>
        <source>PCA: the plane in which the weights moved the most. Random: two random directions, each unit scaled to its own weights' size (Li et al. 2018)</source>
        <translation>PCA: 가중치가 가장 많이 움직인 평면입니다. 무작위: 무작위 방향 두 개이며, 각 뉴런은 자기 가중치의 크기에 맞춰 조정됩니다 (Li 외, 2018)</translation>
    </message>
    <message>
        <source>Plane:</source>
        <translation>평면:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Grid points:</source>
        <translation>격자 점 수:</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>훈련 이미지 수:</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>비교할 학습:</translation>
    </message>
    <message>
        <source>The seed of the two random directions</source>
        <translation>무작위 방향 두 개를 만드는 시드</translation>
    </message>
    <message>
        <source>The map has this many points a side</source>
        <translation>지도의 한 변에 있는 점의 수</translation>
    </message>
    <message>
        <source>The loss is measured on this many training images (always the same ones)</source>
        <translation>이만큼의 훈련 이미지로 손실을 잽니다 (언제나 같은 이미지)</translation>
    </message>
    <message>
        <source>Draw the path of another run of the same network on this map</source>
        <translation>같은 신경망의 다른 학습 경로를 이 지도 위에 그립니다</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Train the network (Training panel, Start): the landscape needs a run's weight snapshots. Once the run ends, this tab shows the loss around its final weights, the path the weights took to get there, and the straight line from the first weights to the last.</source>
        <translation>먼저 신경망을 학습시키세요 (학습 패널의 시작 버튼). 손실 지형을 그리려면 학습 중에 저장한 가중치 스냅숏이 필요합니다. 학습이 끝나면 이 탭에 마지막 가중치 주변의 손실, 가중치가 그곳까지 온 경로, 처음 가중치에서 마지막 가중치까지의 직선이 나타납니다.</translation>
    </message>
    <message>
        <source>The run is still training. Its landscape is computed when it ends (let it finish, or press Stop).</source>
        <translation>아직 학습 중입니다. 학습이 끝나면 손실 지형을 계산합니다 (끝날 때까지 기다리거나 정지를 누르세요).</translation>
    </message>
    <message>
        <source>This run kept only {n} weight snapshots: a path needs at least three. Train a little longer.</source>
        <translation>이 학습은 가중치 스냅숏을 {n}개만 남겼습니다. 경로를 그리려면 적어도 세 개가 필요합니다. 조금 더 학습시키세요.</translation>
    </message>
    <message>
        <source>Press Compute to draw the landscape of these settings.</source>
        <translation>이 설정으로 손실 지형을 그리려면 계산을 누르세요.</translation>
    </message>
    <message>
        <source>Computing the map, coarse first…</source>
        <translation>지도를 계산하는 중입니다. 먼저 성기게 그립니다…</translation>
    </message>
    <message>
        <source>The plane of the path's two main directions: they hold {a:.0%} and {b:.0%} of how the weights moved. Dark is a small loss; the white line is the path, the squares its epochs. Click a dot to see the network at that step.</source>
        <translation>경로의 두 주요 방향이 만드는 평면입니다. 두 방향이 가중치 움직임의 {a:.0%}와 {b:.0%}를 담고 있습니다. 어두울수록 손실이 작습니다. 흰 선은 경로, 네모는 에포크입니다. 점을 클릭하면 그 단계의 신경망을 봅니다.</translation>
    </message>
    <message>
        <source>Two random directions (seed {seed}): they hold only {a:.1%} and {b:.1%} of how the weights moved, so the path barely shows; the map is the loss around the final weights.</source>
        <translation>무작위 방향 두 개입니다 (시드 {seed}). 가중치 움직임의 {a:.1%}와 {b:.1%}만 담고 있어 경로는 거의 보이지 않습니다. 지도는 마지막 가중치 주변의 손실입니다.</translation>
    </message>
    <message>
        <source>no other run</source>
        <translation>다른 학습 없음</translation>
    </message>
    <message>
        <source>run {n}: {opt}, lr {lr:g}</source>
        <translation>학습 {n}: {opt}, 학습률 {lr:g}</translation>
    </message>
    <message>
        <source>Putting the other run's path on this map…</source>
        <translation>다른 학습의 경로를 이 지도 위에 놓는 중입니다…</translation>
    </message>
    <message>
        <source>The orange path is another run that did not start from the same weights: its start lies off this plane.</source>
        <translation>주황색 경로는 같은 가중치에서 시작하지 않은 다른 학습입니다. 그 시작점은 이 평면 밖에 있습니다.</translation>
    </message>
    <message>
        <source>The orange path is the other run, from the same start.</source>
        <translation>주황색 경로는 같은 시작점에서 출발한 다른 학습입니다.</translation>
    </message>
    <message>
        <source>Computing the map: {done:,} of {total:,} points…</source>
        <translation>지도를 계산하는 중: {total:,}개 중 {done:,}개…</translation>
    </message>
    <message>
        <source>Measuring the loss along the path…</source>
        <translation>경로를 따라 손실을 재는 중…</translation>
    </message>
    <message>
        <source>Measuring the straight line…</source>
        <translation>직선 위의 손실을 재는 중…</translation>
    </message>
    <message>
        <source>Cancelled. Press Compute to start again.</source>
        <translation>취소했습니다. 다시 시작하려면 계산을 누르세요.</translation>
    </message>
    <message>
        <source>The landscape could not be computed: {m}</source>
        <translation>손실 지형을 계산할 수 없습니다: {m}</translation>
    </message>
</context>
<context>
    <name>LandscapePlots</name>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Loss on the plane of the path</source>
        <translation>경로 평면 위의 손실</translation>
    </message>
    <message>
        <source>Line: {loss}, {accuracy}</source>
        <translation>직선: {loss}, {accuracy}</translation>
    </message>
    <message>
        <source>accuracy - -</source>
        <translation>정확도 - -</translation>
    </message>
    <message>
        <source>Training: {batch}, {test}</source>
        <translation>학습 중: {batch}, {test}</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>test</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>α (0: first weights, 1: last)</source>
        <translation>α (0: 처음 가중치, 1: 마지막)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>direction 1</source>
        <translation>방향 1</translation>
    </message>
    <message>
        <source>direction 2</source>
        <translation>방향 2</translation>
    </message>
    <message>
        <source>direction {n} ({share:.0%})</source>
        <translation>방향 {n} ({share:.0%})</translation>
    </message>
    <message>
        <source>random direction {n}</source>
        <translation>무작위 방향 {n}</translation>
    </message>
    <message>
        <source>step {s:,} (epoch {e:.2f}): loss {l:.4f} at x = {x:.3g}, y = {y:.3g}</source>
        <translation>{s:,}단계 (에포크 {e:.2f}): 손실 {l:.4f}, x = {x:.3g}, y = {y:.3g}</translation>
    </message>
    <message>
        <source>loss {l:.4f} at x = {x:.3g}, y = {y:.3g}</source>
        <translation>손실 {l:.4f}, x = {x:.3g}, y = {y:.3g}</translation>
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
        <source>Pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>Data and labels</source>
        <translation>데이터와 레이블</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
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
        <source>Open &amp;run…</source>
        <translation>실행 기록 열기(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a recorded training run: its curves, its steps and its network</source>
        <translation>기록된 학습 실행을 엽니다: 그 곡선, 스텝과 네트워크</translation>
    </message>
    <message>
        <source>Save r&amp;un…</source>
        <translation>실행 기록 저장(&amp;U)…</translation>
    </message>
    <message>
        <source>Save the run on the plots (its curves and weight snapshots) as a file</source>
        <translation>그래프에 있는 실행(곡선과 가중치 스냅샷)을 파일로 저장합니다</translation>
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
        <source>&amp;Timeline</source>
        <translation>타임라인(&amp;T)</translation>
    </message>
    <message>
        <source>One kept step &amp;back</source>
        <translation>저장된 이전 스텝으로(&amp;B)</translation>
    </message>
    <message>
        <source>One kept step &amp;forward</source>
        <translation>저장된 다음 스텝으로(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Start of the run</source>
        <translation>실행의 처음으로(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Latest (back to live)</source>
        <translation>최신으로(&amp;L) (실시간으로 돌아가기)</translation>
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
        <source>&amp;What's this?</source>
        <translation>이건 뭔가요?(&amp;W)</translation>
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
        <source>The run could not be opened; the window stays as it was.</source>
        <translation>실행 기록을 열 수 없습니다. 창은 그대로 둡니다.</translation>
    </message>
    <message>
        <source>A run is training: stop it first (Stop).</source>
        <translation>학습이 진행 중입니다. 먼저 중지하세요(중지).</translation>
    </message>
    <message>
        <source>Opened run {path}</source>
        <translation>실행 기록 {path}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Saving the run to {path}…</source>
        <translation>실행 기록을 {path}에 저장하는 중…</translation>
    </message>
    <message>
        <source>Saved run {path}</source>
        <translation>실행 기록을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>The run could not be saved.</source>
        <translation>실행 기록을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>실행 기록 열기</translation>
    </message>
    <message>
        <source>Run records (*.npz)</source>
        <translation>실행 기록 (*.npz)</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>실행 기록 저장</translation>
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
    <name>NetworkView</name>
    <message>
        <source>Click to see this digit's pixel values (0-255)</source>
        <translation>클릭하면 이 숫자의 픽셀 값(0~255)을 볼 수 있어요</translation>
    </message>
</context>
<context>
    <name>PixelPanel</name>
    <message>
        <source>One cell per pixel: 0 is white paper, 255 is black ink. The network receives each value / 255, a number from 0 to 1.</source>
        <translation>칸 하나가 픽셀 하나입니다. 0은 흰 종이, 255는 검은 잉크예요. 네트워크는 각 값을 255로 나눈 0과 1 사이의 수를 입력으로 받습니다.</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>크게 보기</translation>
    </message>
    <message>
        <source>The input of this network is not a square image.</source>
        <translation>이 네트워크의 입력은 정사각형 이미지가 아닙니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test digit #{i}&lt;/b&gt; · label &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>&lt;b&gt;시험 숫자 #{i}&lt;/b&gt; · 레이블 &lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training digit #{i}&lt;/b&gt; · label &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>&lt;b&gt;훈련 숫자 #{i}&lt;/b&gt; · 레이블 &lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your drawing&lt;/b&gt; · no label</source>
        <translation>&lt;b&gt;직접 그린 숫자&lt;/b&gt; · 레이블 없음</translation>
    </message>
    <message>
        <source>(the cells are too small for their numbers)</source>
        <translation>(칸이 작아서 숫자를 쓸 수 없어요)</translation>
    </message>
    <message>
        <source>Hover a pixel to see its row, column and value.</source>
        <translation>픽셀 위에 마우스를 올리면 행, 열과 값이 보입니다.</translation>
    </message>
    <message>
        <source>Row {row}, column {col}: value &lt;b&gt;{v}&lt;/b&gt;. The network receives {v} / {max} = &lt;b&gt;{x}&lt;/b&gt;.</source>
        <translation>{row}행 {col}열: 값 &lt;b&gt;{v}&lt;/b&gt;. 네트워크가 받는 입력은 {v} / {max} = &lt;b&gt;{x}&lt;/b&gt;입니다.</translation>
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
        <source>Training image #{0}</source>
        <translation>훈련 이미지 #{0}</translation>
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
        <source>Replay the run from the step shown: each kept step in turn, the weights moving smoothly from one to the next</source>
        <translation>보이는 스텝부터 실행을 다시 재생합니다: 저장된 스텝을 차례로 보여 주며, 가중치가 한 스텝에서 다음 스텝으로 부드럽게 움직입니다</translation>
    </message>
    <message>
        <source>Replay speed: 1× shows {n:g} kept steps a second (every step early in the run, where learning is fastest; further apart later)</source>
        <translation>재생 속도: 1×는 저장된 스텝을 1초에 {n:g}개 보여 줍니다 (학습이 가장 빠른 실행 초반에는 모든 스텝, 뒤로 갈수록 더 띄엄띄엄)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
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
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>slow motion: 5 steps a second</source>
        <translation>느리게: 1초에 5스텝</translation>
    </message>
    <message>
        <source>slow motion: 1 step a second</source>
        <translation>느리게: 1초에 1스텝</translation>
    </message>
    <message>
        <source>Slow motion paces the training so that each step can be watched on the graph: the edges change colour with every weight update</source>
        <translation>학습 속도를 늦춰 한 스텝 한 스텝을 그래프에서 볼 수 있게 합니다. 가중치가 갱신될 때마다 연결선의 색이 바뀝니다</translation>
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
        <source>{name} is {new:g} from step {step} on (it was {old:g}).</source>
        <translation>{step} 스텝부터 {name}: {new:g} (이전 {old:g}).</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>L2 decay</source>
        <translation>L2 감쇠</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
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
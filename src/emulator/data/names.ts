// Name material for generated agents: a mix of scripts and accents, so the UI's escaping and
// rendering of server strings gets exercised. [display name, ASCII form for login names]
export const FIRST_NAMES: readonly (readonly [string, string])[] = [
  ['Dana', 'dana'], ['Omer', 'omer'], ['Maya', 'maya'], ['Noah', 'noah'], ['Aisha', 'aisha'], ['Liam', 'liam'],
  ['Sofia', 'sofia'], ['Mateo', 'mateo'], ['Chloé', 'chloe'], ['Jonas', 'jonas'], ['Priya', 'priya'], ['Kenji', 'kenji'],
  ['Amara', 'amara'], ['Lucas', 'lucas'], ['Ingrid', 'ingrid'], ['Tomás', 'tomas'], ['Fatima', 'fatima'], ['Ethan', 'ethan'],
  ['Yuki', 'yuki'], ['Olivia', 'olivia'], ['Søren', 'soren'], ['Mário', 'mario'], ['Łukasz', 'lukasz'], ['Ana', 'ana'],
  ['Kwame', 'kwame'], ['Elena', 'elena'], ['Ravi', 'ravi'], ['Hannah', 'hannah'], ['Diego', 'diego'], ['Leila', 'leila'],
  ['Marcus', 'marcus'], ['Nora', 'nora'], ['Ahmed', 'ahmed'], ['Grace', 'grace'], ['Felix', 'felix'], ['Zara', 'zara'],
  ['李娜', 'li'], ['Дмитрий', 'dmitry'], ['Αλέξης', 'alexis'], ['Chidi', 'chidi'], ['Isabel', 'isabel'], ['Owen', 'owen'],
  ['Mei', 'mei'], ['Rafael', 'rafael'], ['Sanne', 'sanne'], ['Tariq', 'tariq'], ['Vera', 'vera'], ['Wen', 'wen'],
];
export const LAST_NAMES: readonly (readonly [string, string])[] = [
  ['Levi', 'levi'], ['Katz', 'katz'], ['Cohen', 'cohen'], ['Smith', 'smith'], ['García', 'garcia'], ['Müller', 'muller'],
  ['Rossi', 'rossi'], ['Nguyen', 'nguyen'], ['Okafor', 'okafor'], ['Tanaka', 'tanaka'], ['Silva', 'silva'], ['Novak', 'novak'],
  ['Jensen', 'jensen'], ['Patel', 'patel'], ['Kowalski', 'kowalski'], ['Dubois', 'dubois'], ['Haddad', 'haddad'], ['Brown', 'brown'],
  ['Andersson', 'andersson'], ['Moreau', 'moreau'], ['Ivanova', 'ivanova'], ['Mensah', 'mensah'], ['O’Brien', 'obrien'], ['Chen', 'chen'],
  ['Yilmaz', 'yilmaz'], ['Fischer', 'fischer'], ['Costa', 'costa'], ['Kim', 'kim'], ['Ali', 'ali'], ['Walsh', 'walsh'],
];

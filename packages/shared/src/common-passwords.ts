/**
 * What guessers try first, in lower case: whole passwords that pass the length and character-class
 * rules, the words such passwords are built from, digit groups, and keyboard and alphabet runs.
 * Compiled from public lists of the most used passwords, worldwide and in China, plus the words of
 * this platform (政协, the committee, the office). `weakPasswordPattern` in `password.ts` uses them.
 */

/** Whole passwords, compared after lower-casing. */
// prettier-ignore
export const commonPasswords: readonly string[] = [
  'password1', 'password1!', 'password!', 'password@1', 'password#1', 'password123', 'password123!',
  'password@123', 'password#123', 'password1234', 'password@2024', 'password@2025', 'password@2026',
  'p@ssw0rd', 'p@ssw0rd1', 'p@ssw0rd!', 'p@ssw0rd123', 'p@ssword', 'p@ssword1', 'p@ssword123',
  'passw0rd', 'passw0rd!', 'passw0rd1', 'pa$$w0rd', 'pa$$word', 'pa$$word1', 'p@$$w0rd', 'pass@word1',
  'pass@123', 'pass@1234', 'pass#1234', 'pass1234!', 'p@ss1234', 'p@ss123!', 'passwd@123', 'passwd123!',
  'admin@123', 'admin#123', 'admin!123', 'admin123!', 'admin@1234', 'admin#1234', 'admin1234!',
  'admin@12345', 'admin@123456', 'admin@888', 'admin@666', 'admin@2024', 'admin@2025', 'admin@2026',
  'admin123!@#', 'adm1n@123', '@dmin123', 'administrator1!', 'administrator@123', 'root@123',
  'root@1234', 'root#123', 'root123!', 'r00t@123', 'system@123', 'system123!', 'sysadmin@123',
  'test@123', 'test@1234', 'test#123', 'test123!', 'test1234!', 'demo@123', 'demo@1234', 'user@123',
  'user@1234', 'guest@123', 'manager@123', 'server@123', 'oracle@123', 'mysql@123', 'sa@123456',
  'qwer1234!', 'qwer@1234', 'qwer!234', 'qwer#1234', 'qwert@123', 'qwert123!', 'qwerty1!',
  'qwerty123!', 'qwerty@123', 'qwerty@1234', 'qwe123!@#', 'qwe!@#123', 'qwe@1234', 'qweasd@123',
  'qweasdzxc1!', 'qweasdzxc@123', 'qaz@wsx123', '1qaz@wsx', '1qaz@wsx3edc', '1qaz!qaz', '1qaz2wsx!',
  '1qaz2wsx@', '1qaz!2wsx', '!qaz2wsx', '!qaz@wsx', '!qaz1qaz', 'zaq1@wsx', 'zaq!2wsx', 'zaq12wsx!',
  '1q2w3e4r!', '1q2w3e4r@', '1q2w3e4r5t!', '1q2w3e!q', '1q2w3e4r5t6y!', 'q1w2e3r4!', 'q1w2e3r4t5!',
  'a1b2c3d4!', 'a1s2d3f4!', 'asd@1234', 'asdf@1234', 'asdf1234!', 'asdfgh@123', 'zxc@1234',
  'zxcv@1234', 'zxcvbnm@123', 'ab@123456', 'ab123456!', 'abc@123', 'abc@1234', 'abc@12345', 'abc@123456', 'abc#1234',
  'abc123!@#', 'abcd@1234', 'abcd1234!', 'abcd#1234', 'abcd@123', 'abcde@123', 'abcdef1!', 'a123456!',
  'a123456@', 'a1234567!', 'a12345678!', 'aa123456!', 'aa123456@', 'aaa123456!', 'a@123456', 'a!123456',
  'aa@123456', 'aaaaaaaa1!', 'aaaaaaaaa1', 'aaaaaaaaa1!', 'aaaa1111!', 'aaaa@1111', 'aa11aa11!',
  'a1a1a1a1!', 'abab1212!', 'qq123456!', 'qq@123456', 'woaini1314!', 'woaini@1314', 'woaini520!',
  'woaini@123', 'iloveyou1!', 'iloveyou@1', 'iloveyou@123', 'love@1314', 'love@520', 'love1314!',
  'welcome1!', 'welcome@1', 'welcome@123', 'welcome123!', 'welcome@2024', 'welcome@2025', 'hello@123',
  'hello123!', 'hello@1234', 'helloworld1!', 'hello@world1', 'changeme1!', 'changeme@123',
  'letmein1!', 'letmein@123', 'monkey123!', 'dragon123!', 'master@123', 'master123!', 'sunshine1!',
  'princess1!', 'football1!', 'baseball1!', 'superman1!', 'batman123!', 'trustno1!', 'starwars1!',
  'computer1!', 'internet1!', 'china@123', 'china@2024', 'china123!', 'zhongguo@123', 'beijing@123',
  'beijing2008!', 'shanghai@123', 'huawei@123', 'huawei123!', 'huawei@2024', 'baidu@123',
  'tencent@123', 'mima@123', 'mima123!', 'zhengxie@123', 'zhengxie@2024', 'cppcc@123', 'cppcc@2024',
  'cppcc2024!', 'zhengfu@123', 'gov@123456', 'bangong@123', 'office@123', 'company@123', 'abc@abc123',
  'admin@admin', 'admin@admin1', 'root@root1', 'test@test1', 'pass@pass1', 'user@user1', '12345678a!',
  '12345678aa!', '123456aa!', '123456abc!', '123456qwe!', '123qwe!@#', '123qweasd!', '123qwe@asd',
  '123abc!@#', '123@abc', '123!abc', '1234abcd!', '1234qwer!', '1234@qwer', '1234@abcd', '1234asdf!',
  '1qazxsw2!', '147258369a!', '159357a!', '5201314a!', '520@1314a', 'a5201314!', 'abc!@#123',
  'aa111111!', 'a111111!', 'a11111111!', 'a00000000!', 'a88888888!', 'a66666666!', 'a123123!',
  'abc123123!', 'qwe123123!', 'a12341234!', 'passport1!', 'secret123!', 'secret@123', 'shadow123!',
  'michael1!', 'jordan23!', 'summer2024!', 'summer@2024', 'winter2024!', 'spring2024!', 'autumn2024!',
  'monday123!', 'january1!', 'qwertyuiop1!', 'asdfghjkl1!', 'zxcvbnm1!', 'qazwsxedc1!', 'qazwsx@123',
  'qazwsx123!', 'wsx@1234', 'edc@1234', 'xiaoming@123', 'zhangsan@123', 'lisi@123', 'wangwu@123',
  'zhangwei@123', 'wangfang@123', 'liwei@123', 'zhanghao@123', 'aini@1314', 'aini1314!', 'nihao@123',
  'nihao123!', 'wobuzhidao1!', 'woshishui1!', 'xiaobai@123', 'laopo@520', 'laogong@520', 'baobei@520',
];

/** Words guessable passwords are made of (decorated with digits and symbols, or leetspeak). */
// prettier-ignore
export const commonPasswordWords: readonly string[] = [
  'password', 'passwd', 'passwort', 'passport', 'pass', 'pwd', 'admin', 'administrator', 'adm', 'root',
  'system', 'sysadmin', 'super', 'superuser', 'user', 'guest', 'test', 'tester', 'demo', 'default',
  'login', 'logon', 'welcome', 'hello', 'helloworld', 'changeme', 'letmein', 'secret', 'private',
  'access', 'master', 'manager', 'server', 'oracle', 'mysql', 'database', 'computer', 'internet',
  'network', 'qwerty', 'qwertz', 'azerty', 'iloveyou', 'love', 'lover', 'baby', 'angel', 'monkey',
  'dragon', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'superman', 'batman',
  'starwars', 'pokemon', 'trustno', 'whatever', 'freedom', 'killer', 'hunter', 'ranger', 'tigger',
  'cookie', 'flower', 'summer', 'winter', 'spring', 'autumn', 'monday', 'sunday', 'friday', 'january',
  'michael', 'jordan', 'charlie', 'thomas', 'robert', 'daniel', 'jessica', 'ashley', 'jennifer',
  'matrix', 'mustang', 'ninja', 'apple', 'banana', 'orange', 'purple', 'google', 'microsoft',
  'windows', 'linux', 'ubuntu', 'china', 'beijing', 'shanghai', 'guangzhou', 'shenzhen', 'zhongguo',
  'zhonghua', 'woaini', 'aini', 'nihao', 'mima', 'mimamima', 'wobuzhidao', 'woshishui', 'wodemima',
  'huawei', 'xiaomi', 'baidu', 'tencent', 'alibaba', 'taobao', 'alipay', 'weixin', 'wechat', 'qq',
  'zhengxie', 'cppcc', 'zhengfu', 'gov', 'govcn', 'dangwei', 'renda', 'bangong', 'bangongshi',
  'office', 'company', 'gongsi', 'danwei', 'weiyuan', 'tian', 'xiaoming', 'xiaohong', 'zhangsan',
  'lisi', 'wangwu', 'zhaoliu', 'laopo', 'laogong', 'baobei', 'qinaide', 'shabi', 'caonima',
];

/** Digit groups people add to a word: lucky numbers, 520/1314 (我爱你一生一世), common PINs. */
// prettier-ignore
export const commonDigitGroups: readonly string[] = [
  '520', '521', '1314', '5201314', '1314520', '520520', '666', '888', '999', '168', '1688', '518',
  '147258', '147258369', '159357', '159753', '741852', '741852963', '963852741', '123321', '112233',
  '110', '119', '007', '911', '2008',
];

/**
 * Keyboard rows and columns, the alphabet and the digits, each read forwards and backwards by the
 * check: a part of a password that is a stretch of one of them is a run, not a choice.
 */
export const keyboardRuns: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  '`1234567890-=',
  '~!@#$%^&*()_+',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  '!qaz@wsx#edc$rfv%tgb^yhn&ujm*ik,(ol.)p;/',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'a1s2d3f4g5h6j7k8l9',
  'qweasdzxc',
  'qwerasdfzxcv',
  'qazwsx',
  'qwertyuiopasdfghjklzxcvbnm',
  '1234567890qwertyuiop',
  '7894561230',
  '1472583690',
  '1593574862',
];

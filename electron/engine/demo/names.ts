/** Common surnames and given-name characters, weighted toward what registries actually see. */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '欧阳', '司马', '诸葛',
];
export const GIVEN_MALE = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '浩', '宇', '轩', '辰', '博', '睿', '泽', '子', '梓', '俊', '晨', '然', '航', '翔', '鹏'];
export const GIVEN_FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '婷', '雪', '欣', '怡', '涵', '萱', '彤', '琪', '悦', '诗', '雨', '梦', '佳', '思', '可', '妍', '瑶'];

/** Area codes (GB/T 2260) with the issuing institutions of a fictional municipal health system. */
export const AREAS: readonly { code: string; name: string; hospitals: readonly string[] }[] = [
  { code: '370102', name: '山东省济南市历下区', hospitals: ['济南市妇幼保健院', '山东大学齐鲁医院'] },
  { code: '370203', name: '山东省青岛市市北区', hospitals: ['青岛市妇女儿童医院', '青岛市市立医院'] },
  { code: '370983', name: '山东省泰安市肥城市', hospitals: ['肥城市人民医院', '肥城市妇幼保健院'] },
  { code: '440105', name: '广东省广州市海珠区', hospitals: ['广州市海珠区妇幼保健院', '广东省第二人民医院'] },
  { code: '510104', name: '四川省成都市锦江区', hospitals: ['成都市妇女儿童中心医院', '四川省人民医院'] },
  { code: '110105', name: '北京市朝阳区', hospitals: ['北京市朝阳区妇幼保健院', '首都医科大学附属北京妇产医院'] },
];
